import { useEffect, useState } from 'react';
import { type DeskSession } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';
import { chooseLocation, editDraft, initialDraft, newIssuePayload, type DraftField, type DraftProblem, type NewIssueDraft } from './new-issue';
import './new-issue.css';

/**
 * 新建期刊: paper, date, pages, page size and folder. The main process makes the folder through the store
 * (`issue:create`, the same createIssue as `yeban new`) and opens it; what it refuses (a folder already in use,
 * a day that does not exist) is shown with its reason.
 */
export function NewIssueForm({ onCreated, onCancel }: { onCreated(opened: DeskSession): void; onCancel(): void }) {
  const { t } = useI18n();
  const [documentsDir, setDocumentsDir] = useState<string | null>(null);
  const [canChoose, setCanChoose] = useState(false);
  const [draft, setDraft] = useState<NewIssueDraft | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void yeban()
      .invoke('app:newIssueDefaults', {})
      .then((r) => {
        if (!live) return;
        if (!r.ok) return setFailure(r.error.message);
        setDocumentsDir(r.value.documentsDir);
        setCanChoose(r.value.canChooseFolder);
        setDraft(initialDraft(r.value.documentsDir, new Date()));
      });
    return () => {
      live = false;
    };
  }, []);

  const change = (c: Partial<Omit<NewIssueDraft, 'folderEdited' | 'location'>>) => {
    if (!draft) return;
    setDraft(editDraft(draft, c));
    setProblems((ps) => ps.filter((p) => !(p.field in c)));
  };

  const choose = async () => {
    const r = await yeban().invoke('app:chooseFolder', { title: t('newIssue.chooseTitle') });
    if (!r.ok) return setFailure(r.error.message);
    if (r.value.path) {
      setDraft((d) => (d ? chooseLocation(d, r.value.path!) : d));
      setProblems((ps) => ps.filter((p) => p.field !== 'folder'));
    }
  };

  const submit = async () => {
    if (!draft) return;
    setFailure(null);
    const checked = newIssuePayload(draft);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setBusy(true);
    const r = await yeban().invoke('issue:create', checked.payload);
    setBusy(false);
    if (!r.ok) return setFailure(t('newIssue.failed', { reason: r.error.message }));
    onCreated(r.value);
  };

  const problemOf = (field: DraftField) => problems.find((p) => p.field === field);
  const hint = (field: DraftField) => {
    const p = problemOf(field);
    return p ? (
      <span className="form-error" role="alert" id={`new-issue-${field}-error`}>
        {t(p.key, p.vars)}
      </span>
    ) : null;
  };
  const invalid = (field: DraftField) => (problemOf(field) ? { 'aria-invalid': true, 'aria-describedby': `new-issue-${field}-error` } : {});

  return (
    <div className="new-issue-backdrop">
      <section className="new-issue" role="dialog" aria-modal="true" aria-label={t('newIssue.title')}>
        <h2>{t('newIssue.title')}</h2>
        {draft && documentsDir !== null && (
          <form
            aria-label={t('newIssue.title')}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onCancel();
            }}
          >
            <label>
              <span>{t('newIssue.paper')}</span>
              <input value={draft.paper} maxLength={120} autoFocus onChange={(e) => change({ paper: e.target.value })} {...invalid('paper')} />
              {hint('paper')}
            </label>
            <label>
              <span>{t('newIssue.date')}</span>
              <input value={draft.date} placeholder="2024-03-08" inputMode="numeric" onChange={(e) => change({ date: e.target.value })} {...invalid('date')} />
              {hint('date')}
            </label>
            <label>
              <span>{t('newIssue.pages')}</span>
              <input value={draft.pages} inputMode="numeric" size={4} onChange={(e) => change({ pages: e.target.value })} {...invalid('pages')} />
              {hint('pages')}
            </label>
            <label>
              <span>{t('newIssue.size')}</span>
              <select value={draft.size} onChange={(e) => change({ size: e.target.value === 'tabloid' ? 'tabloid' : 'broadsheet' })}>
                <option value="broadsheet">{t('newIssue.broadsheet')}</option>
                <option value="tabloid">{t('newIssue.tabloid')}</option>
              </select>
            </label>
            <label>
              <span>{t('newIssue.folder')}</span>
              <input value={draft.folder} className="new-issue-folder" onChange={(e) => change({ folder: e.target.value })} {...invalid('folder')} />
              <small>{t('newIssue.folderHint', { dir: draft.location })}</small>
              {hint('folder')}
            </label>
            {canChoose && (
              <div className="new-issue-choose">
                <button type="button" onClick={() => void choose()}>
                  {t('newIssue.choose')}
                </button>
              </div>
            )}
            <div className="new-issue-actions">
              <button type="submit" className="primary" disabled={busy}>
                {busy ? t('newIssue.creating') : t('newIssue.create')}
              </button>
              <button type="button" onClick={onCancel}>
                {t('newIssue.cancel')}
              </button>
            </div>
          </form>
        )}
        {failure !== null && (
          <p className="form-error" role="alert" data-testid="new-issue-failure">
            {failure}
          </p>
        )}
        {(!draft || documentsDir === null) && failure !== null && (
          <button type="button" onClick={onCancel}>
            {t('newIssue.cancel')}
          </button>
        )}
      </section>
    </div>
  );
}
