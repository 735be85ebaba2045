import { useState } from 'react';
import { type FontRegistry } from '../../../core/fonts';
import { type IssueMeta, type Story } from '../../../core/model';
import { importText, IMPORT_RULES } from '../../../core/text';
import { type DeskSession } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';
import { autoPlace, emptyPages } from './auto-place';
import { decodeText } from './read-text-file';
import { ACROSS_RULES, undoAcross } from './undo-across';
import { undoable, undoNote } from './undo-note';
import './import-panel.css';
import '../preflight/panels.css';

export interface ImportPanelProps {
  sessionId: string;
  meta: IssueMeta;
  readOnly: boolean;
  /** The desk's font registry, reused for 自动排版 (null: one of its own). */
  fonts: FontRegistry | null;
  /** After the stories are in the issue: the fresh session and what was added. */
  onAdded(session: DeskSession, stories: Story[]): void;
  onClose(): void;
}

const show = (s: string): string => (s === '' ? '∅' : s.replace(/\n/g, '⏎').replace(/\u3000/g, '□'));

/**
 * 导入稿件: pasted or opened plain text becomes stories; every decision the importer made is listed with
 * its before and after and can be undone — text replacements and readings of structure alike (a headline
 * part, a byline, a caption, a join), also those across two stories (a headline handed on, a credit
 * attached, a body moved) — then the stories, with the decisions that stand, are added.
 */
export function ImportPanel({ sessionId, meta, readOnly, fonts, onAdded, onClose }: ImportPanelProps) {
  const { t } = useI18n();
  const [source, setSource] = useState('');
  const [stories, setStories] = useState<Story[] | null>(null);
  const [sections, setSections] = useState<{ title: string; storyIds: string[] }[]>([]);
  /** Index of an empty page to compose the stories onto, or null to only add them to the budget. */
  const [target, setTarget] = useState<number | null>(null);
  const empty = emptyPages(meta);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const recognise = () => {
    setProblem(null);
    if (source.trim() === '') return setProblem(t('import.empty'));
    const r = importText(source, { existingIds: meta.storyIds });
    if (r.stories.length === 0) return setProblem(t('import.none'));
    setStories(r.stories);
    setSections(r.sections.map((s) => ({ title: s.title, storyIds: [...s.storyIds] })));
  };

  const undo = (storyIndex: number, noteIndex: number) => {
    if (!stories) return;
    const s = stories[storyIndex]!;
    const note = s.importNotes[noteIndex]!;
    // A decision across two stories changes both (and may split off a story of its own).
    const out = ACROSS_RULES.has(note.rule) ? undoAcross(stories, storyIndex, note, meta.storyIds) : undoNote(s, note);
    if (!out.ok) return setProblem(out.reason);
    setProblem(null);
    setStories('stories' in out ? out.stories : stories.map((x, i) => (i === storyIndex ? out.story : x)));
  };

  const add = async () => {
    if (!stories) return;
    setBusy(true);
    setProblem(null);
    const added: Story[] = [];
    for (const story of stories) {
      const r = await yeban().invoke('story:add', { sessionId, story });
      if (!r.ok) {
        setBusy(false);
        setStories(stories.filter((s) => !added.includes(s)));
        return setProblem(t('import.addFailed', { slug: story.slug, reason: r.error.message }));
      }
      added.push(r.value.story);
    }
    let session = await yeban().invoke('issue:get', { sessionId });
    if (session.ok && target !== null) {
      // Compose them onto the chosen empty page; a failure here leaves the stories in the budget.
      try {
        const all = new Map(session.value.stories.map((s) => [s.id, s]));
        const placed = await autoPlace(session.value.issue, target, added, sections, all, fonts ?? undefined);
        const saved = await yeban().invoke('issue:saveMeta', { sessionId, meta: placed.meta });
        if (!saved.ok) throw new Error(saved.error.message);
        if (placed.unplaced.length > 0) setProblem(t('import.unplaced', { ids: placed.unplaced.join('、') }));
        session = await yeban().invoke('issue:get', { sessionId });
      } catch (err) {
        setProblem(t('import.autoFailed', { reason: (err as Error).message }));
      }
    }
    setBusy(false);
    if (!session.ok) return setProblem(session.error.message);
    setStories(null);
    setSource('');
    setTarget(null);
    onAdded(session.value, added);
  };

  return (
    <section className="side-panel" aria-label={t('import.title')}>
      <header className="side-panel__head">
        <h2>{t('import.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </header>
      {stories === null ? (
        <>
          <textarea className="import-source" aria-label={t('import.paste')} placeholder={t('import.paste')} value={source} onChange={(e) => setSource(e.target.value)} />
          <div className="budget-actions">
            <label>
              {t('import.file')}
              <input
                type="file"
                accept=".txt,text/plain"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  void file.arrayBuffer().then(
                    (buf) => {
                      try {
                        setSource(decodeText(new Uint8Array(buf), file.name));
                        setProblem(null);
                      } catch (err) {
                        setProblem((err as Error).message);
                      }
                    },
                    (err: unknown) => setProblem(t('import.readFailed', { name: file.name, reason: String(err) })),
                  );
                }}
              />
            </label>
            <button type="button" onClick={recognise}>
              {t('import.recognise')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p data-testid="import-summary">{t('import.summary', { n: stories.length, notes: stories.reduce((a, s) => a + s.importNotes.length, 0) })}</p>
          {stories.map((s, si) => (
            <div key={s.id} className="import-story" data-testid="import-story">
              <strong>{s.slug}</strong>（{t(`kind.${s.kind}`)}，{s.id}）
              <p className="import-preview" data-testid="import-preview">
                {t('import.preview', {
                  head: [...s.headline.kicker, ...s.headline.main, ...s.headline.sub].join(' / ') || t('import.noHeadline'),
                  n: s.body.root.children.length,
                  photos: s.photos.length,
                })}
              </p>
              <ul className="finding-list">
                {s.importNotes.map((n, ni) => (
                  <li key={`${n.rule}-${n.field ?? ''}-${n.offset}-${ni}`} className="import-note" data-rule={n.rule}>
                    <span className="finding__tag">{IMPORT_RULES[n.rule] ?? n.rule}</span>
                    <span>
                      <del>{show(n.before)}</del> → <ins>{show(n.after)}</ins>
                    </span>
                    {undoable(n) && (
                      <button type="button" onClick={() => undo(si, ni)}>
                        {t('import.undo')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="budget-actions">
            <label>
              {t('import.autoLayout')}
              <select data-testid="import-target" value={target ?? ''} disabled={busy || readOnly} onChange={(e) => setTarget(e.target.value === '' ? null : Number(e.target.value))}>
                <option value="">{t('import.noAutoLayout')}</option>
                {empty.map(({ index, page }) => (
                  <option key={page.id} value={index}>
                    {t('import.onPage', { number: page.number, name: page.name ? ` ${page.name}` : '' })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={busy || readOnly} onClick={() => void add()}>
              {t('import.add', { n: stories.length })}
            </button>
            <button type="button" onClick={() => setStories(null)}>
              {t('import.back')}
            </button>
          </div>
        </>
      )}
      {problem !== null && (
        <p className="panel-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
