import { useEffect, useMemo, useRef, useState } from 'react';
import { digestPage } from '../../../core/display/digest';
import { type DisplayPage } from '../../../core/display/types';
import { type ExportFindingView, type ExportView } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';
import { flushPendingDrafts } from '../app/pending-drafts';
import { defaultOutput, exportPayload, initialForm, type ExportForm } from './export-form';
import '../preflight/panels.css';

interface Progress {
  done: number;
  total: number;
  page: string;
  phase: 'saving' | 'layout' | 'writing' | 'done';
}

export interface ExportDialogProps {
  sessionId: string;
  /** What the desk shows now: each exported page's fingerprint is compared with it. */
  screenPages: readonly DisplayPage[];
  onShowFinding(f: ExportFindingView): void;
  onClose(): void;
}

/**
 * The export dialog: what to export and where, then the main process saves the drafts, lays out the saved
 * issue and writes the PDF(s) while the bar follows its progress events; the result lists the files, the
 * pages held back by preflight, every finding, and whether each exported page is the page on screen.
 */
export function ExportDialog({ sessionId, screenPages, onShowFinding, onClose }: ExportDialogProps) {
  const { t } = useI18n();
  const [defaults, setDefaults] = useState<{ dir: string; issueDate: string; pageCount: number } | null>(null);
  const [form, setForm] = useState<ExportForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportView | null>(null);
  const job = useRef('');

  useEffect(() => {
    let live = true;
    void yeban()
      .invoke('export:defaults', { sessionId })
      .then((r) => {
        if (!live) return;
        if (!r.ok) return setProblem(r.error.message);
        setDefaults(r.value);
        setForm(initialForm(r.value.dir, r.value.issueDate));
      });
    return () => {
      live = false;
    };
  }, [sessionId]);

  useEffect(
    () =>
      yeban().onHostEvent((e) => {
        if (e.type === 'export-progress' && e.jobId === job.current) setProgress({ done: e.done, total: e.total, page: e.page, phase: e.phase });
      }),
    [],
  );

  const screen = useMemo(() => new Map(screenPages.map((p) => [p.pageId, p])), [screenPages]);
  const matches = useMemo(
    () =>
      (result?.pages ?? []).map((p) => {
        const shown = screen.get(p.pageId);
        return { ...p, screenHash: shown ? digestPage(shown).hash : null };
      }),
    [result, screen],
  );

  const set = (patch: Partial<ExportForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const run = async () => {
    if (!form || !defaults) return;
    job.current = `x${Date.now().toString(36)}`;
    const payload = exportPayload(form, sessionId, job.current, defaults.pageCount);
    if (typeof payload === 'string') return setProblem(payload);
    setProblem(null);
    setResult(null);
    setProgress({ done: 0, total: 1, page: '', phase: 'saving' });
    setRunning(true);
    await flushPendingDrafts();
    const r = await yeban().invoke('export:pdf', payload);
    setRunning(false);
    if (!r.ok) {
      setProgress(null);
      return setProblem(t('export.failed', { reason: r.error.message }));
    }
    setResult(r.value);
  };

  return (
    <section className="side-panel export-dialog" role="dialog" aria-label={t('export.title')}>
      <header className="side-panel__head">
        <h2>{t('export.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </header>
      {form && defaults ? (
        <form
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <fieldset>
            <legend>{t('export.scope')}</legend>
            <label>
              <input type="radio" name="scope" checked={form.scope === 'all'} onChange={() => set({ scope: 'all' })} />
              {t('export.scopeAll', { n: defaults.pageCount })}
            </label>
            <label>
              <input type="radio" name="scope" checked={form.scope === 'pages'} onChange={() => set({ scope: 'pages' })} />
              {t('export.scopePages')}
            </label>
            {form.scope === 'pages' && (
              <input aria-label={t('export.pageList')} placeholder="1,3-4" value={form.pageList} onChange={(e) => set({ pageList: e.target.value })} />
            )}
          </fieldset>
          <label>
            {t('export.pdfx')}
            <select value={form.pdfx} onChange={(e) => set({ pdfx: e.target.value === 'none' ? 'none' : '1a' })}>
              <option value="1a">{t('export.pdfx1a')}</option>
              <option value="none">{t('export.pdfxNone')}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={form.marks} onChange={(e) => set({ marks: e.target.checked })} />
            {t('export.marks')}
          </label>
          <label>
            {t('export.bleed')}
            <input inputMode="decimal" size={4} value={form.bleedMm} onChange={(e) => set({ bleedMm: e.target.value })} />
          </label>
          <label>
            <input
              type="checkbox"
              checked={form.split}
              onChange={(e) => set({ split: e.target.checked, output: defaultOutput(defaults.dir, defaults.issueDate, e.target.checked) })}
            />
            {t('export.split')}
          </label>
          <label>
            <input type="checkbox" checked={form.force} onChange={(e) => set({ force: e.target.checked })} />
            {t('export.force')}
          </label>
          <label className="export-output">
            {form.split ? t('export.outputDir') : t('export.outputFile')}
            <input value={form.output} onChange={(e) => set({ output: e.target.value })} />
          </label>
          <button type="submit" disabled={running}>
            {t('export.run')}
          </button>
        </form>
      ) : (
        problem === null && <p className="app-status">{t('app.loading')}</p>
      )}
      {problem !== null && (
        <p className="panel-problem" role="alert">
          {problem}
        </p>
      )}
      {progress && (
        <div className="export-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('export.progress')} />
          <span data-testid="export-phase">
            {progress.phase === 'writing'
              ? t('export.writing', { done: progress.done, total: progress.total, page: progress.page })
              : t(progress.phase === 'saving' ? 'export.saving' : progress.phase === 'layout' ? 'export.layingOut' : 'export.done')}
          </span>
        </div>
      )}
      {result && (
        <div className="export-result" data-testid="export-result">
          {result.saved.length > 0 && <p>{t('export.savedDrafts', { n: result.saved.length })}</p>}
          {result.conflicts.length > 0 && (
            <p role="alert">{t('export.conflicts', { n: result.conflicts.length })}</p>
          )}
          {result.files.length > 0 ? (
            <ul className="export-files">
              {result.files.map((f) => (
                <li key={f.path} data-testid="export-file" data-path={f.path}>
                  {f.path}（{t('export.fileFacts', { pages: f.pages.join('、'), kb: Math.round(f.bytes / 1024) })}）
                </li>
              ))}
            </ul>
          ) : (
            <p role="alert">{t('export.nothingWritten')}</p>
          )}
          {result.held.length > 0 && <p role="alert">{t('export.held', { pages: result.held.join('、') })}</p>}
          <p className="export-manifest">{t('export.manifest', { path: result.manifestPath })}</p>
          <ul className="export-matches">
            {matches.map((m) => (
              <li key={m.pageId} data-testid="export-match" data-page={m.number} data-export-hash={m.hash} data-screen-hash={m.screenHash ?? ''}>
                {m.screenHash === m.hash ? t('export.sameAsScreen', { page: m.number }) : t('export.differsFromScreen', { page: m.number })}
              </li>
            ))}
          </ul>
          <FindingList findings={result.findings} onPick={onShowFinding} />
        </div>
      )}
    </section>
  );
}

/** The manifest's findings, worst first; a click shows the spot. */
export function FindingList({ findings, onPick }: { findings: readonly ExportFindingView[]; onPick(f: ExportFindingView): void }) {
  const { t } = useI18n();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  if (sorted.length === 0) return <p>{t('preflight.clean')}</p>;
  return (
    <ul className="finding-list" aria-label={t('preflight.findings')}>
      {sorted.map((f, i) => (
        <li key={`${f.code}-${f.page}-${i}`} className={`finding finding--${f.severity}`}>
          <button type="button" onClick={() => onPick(f)}>
            <span className="finding__tag">{t(`severity.${f.severity}`)}</span>
            {f.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
