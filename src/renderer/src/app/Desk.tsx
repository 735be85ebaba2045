import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type IssueMeta, type Story } from '../../../core/model';
import { storyLengthZi } from '../../../core/model';
import { type BudgetEntry, type DeskSession, type StoreEventView } from '../../../preload/api';
import { BudgetTable } from '../budget/BudgetTable';
import { sameRows, type BudgetRow } from '../budget/budget-view';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';
import { type StoryCaret } from '../editor/caret';
import { copyfitOf, type Copyfit } from '../layout/copyfit';
import { PageStrip } from '../layout/PageStrip';
import { type PageHit } from '../layout/hit-test';
import { PageView } from '../layout/PageView';
import { useDeskLayout } from '../layout/useDeskLayout';
import { usePagePictures } from '../layout/usePagePictures';
import { warmPageArt } from '../layout/run-art';
import { NewStoryForm } from '../story/NewStoryForm';
import { StoryDesk } from '../story/StoryDesk';
import { IssueNotices } from './IssueNotices';
import { RecoveryPanel } from './RecoveryPanel';
import { useIssueEvents } from './useIssueEvents';
import { FlatPlan } from '../flatplan/FlatPlan';
import { FrameEditor } from '../frames/FrameEditor';
import { LayoutModeBar, type LayoutMode } from '../frames/LayoutModeBar';
import { useMetaEdits } from '../frames/useMetaEdits';
import { DeskPanels } from '../preflight/DeskPanels';
import { useSettled } from './useSettled';

type Tab = 'writing' | 'layout';

const NO_PAGES: readonly DisplayPage[] = [];

/** Length in 字 per story object: a keystroke makes one new story, the budget's other rows keep their count. */
const lengths = new WeakMap<Story, number>();
function lengthZi(s: Story): number {
  let n = lengths.get(s);
  if (n === undefined) {
    n = storyLengthZi(s);
    lengths.set(s, n);
  }
  return n;
}

/** How long typing pauses before the budget shows the new length and copyfit of the story typed into. */
const BUDGET_QUIET_MS = 400;

/** Page numbers each story has a frame on, in page order. */
function placements(meta: IssueMeta): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const page of meta.pages) {
    for (const f of page.frames) {
      if (!('storyId' in f) || !f.storyId) continue;
      const list = out.get(f.storyId) ?? [];
      if (!list.includes(page.number)) list.push(page.number);
      out.set(f.storyId, list);
    }
  }
  return out;
}

/** The open issue: the writing desk (budget + story) and the layout desk (page view), over one live layout. */
export function Desk({ opened, onSession }: { opened: DeskSession; onSession: (s: DeskSession) => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('writing');
  const [stories, setStories] = useState<ReadonlyMap<string, Story>>(() => new Map(opened.stories.map((s) => [s.id, s])));
  const [entries, setEntries] = useState<BudgetEntry[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [pageIndex, setPageIndex] = useState(0);
  // Where a click on the page view asked for the caret, for the story it opened.
  const [caret, setCaret] = useState<(StoryCaret & { storyId: string }) | null>(null);
  const meta = opened.issue;
  const sessionId = opened.sessionId;

  // A new session (改版, a reload) brings its stories; set while rendering, not in an effect, so the first layout is
  // not run twice over the same stories (a second run at launch redrew the page and the thumbnails for nothing).
  const [storiesOf, setStoriesOf] = useState(opened);
  if (storiesOf !== opened) {
    setStoriesOf(opened);
    setStories(new Map(opened.stories.map((s) => [s.id, s])));
  }

  const refreshBudget = useCallback(async () => {
    const r = await yeban().invoke('story:list', { sessionId });
    if (r.ok) setEntries(r.value);
  }, [sessionId]);
  useEffect(() => void refreshBudget(), [refreshBudget, openId]);

  const putStory = useCallback((s: Story) => setStories((m) => new Map(m).set(s.id, s)), []);

  // Frame and page edits (改版, 版面计划) hand back the session with the desk's live stories, drafts included.
  const storiesRef = useRef(stories);
  storiesRef.current = stories;
  const [layoutMode, setLayoutMode] = useState<LayoutMode>('view');
  const edits = useMetaEdits(opened, useCallback((s: DeskSession) => onSession({ ...s, stories: [...storiesRef.current.values()] }), [onSession]));

  // What the store noticed while the issue is open: each shown until dismissed; autosaves only as a time.
  const [notes, setNotes] = useState<{ id: number; text: string; alert: boolean }[]>([]);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  useIssueEvents(sessionId, (events: StoreEventView[]) => {
    const add: { text: string; alert: boolean }[] = [];
    for (const e of events) {
      switch (e.type) {
        case 'autosaved':
          setAutosavedAt(new Date(e.at).toLocaleTimeString('zh-CN', { hour12: false }));
          break;
        case 'storyChanged':
          if (e.storyId !== openId) putStory(e.story);
          add.push({ text: t('events.storyChanged', { slug: e.story.slug, revision: e.revision }), alert: false });
          break;
        case 'metaChanged':
          void yeban().invoke('issue:get', { sessionId }).then((r) => r.ok && onSession(r.value));
          add.push({ text: t('events.metaChanged'), alert: false });
          break;
        case 'conflict':
          add.push({ text: e.message, alert: true });
          break;
        case 'lockLost':
          add.push({ text: e.holder ? t('events.lockLostTo', { id: e.target.id, user: e.holder.user }) : t('events.lockLost', { id: e.target.id }), alert: true });
          break;
        case 'fileProblem':
          add.push({ text: e.problem.message, alert: true });
          break;
        case 'autosaveFailed':
          add.push({ text: t('events.autosaveFailed', { reason: e.error.message }), alert: true });
          break;
      }
    }
    if (add.length > 0) {
      setNotes((n) => [...n, ...add.map((a, i) => ({ ...a, id: Date.now() + i }))]);
      void refreshBudget();
    }
  });
  const layout = useDeskLayout(meta, stories);

  const copyfits = useMemo(() => {
    const m = new Map<string, Copyfit>();
    for (const fit of layout.result?.report.stories ?? []) m.set(fit.storyId, copyfitOf(fit));
    return m;
  }, [layout.result]);

  // The budget's lengths and copyfits follow the story being typed into once the typing pauses: a figure changed in
  // its table made the browser lay the whole table out and paint it again at every keystroke (~1 ms of each). The
  // story bar's copyfit, the figure a writer types against, follows every keystroke.
  const lengths = useSettled(useMemo(() => new Map([...stories].map(([id, s]) => [id, lengthZi(s)])), [stories]), BUDGET_QUIET_MS);
  const budgetCopyfits = useSettled(copyfits, BUDGET_QUIET_MS);
  const made = useMemo((): BudgetRow[] => {
    const placed = placements(meta);
    const byId = new Map((entries ?? []).map((e) => [e.id, e]));
    return meta.storyIds.flatMap((id) => {
      const s = stories.get(id);
      if (!s) return [];
      const lock = byId.get(id)?.lock;
      return [
        {
          id, slug: s.slug, kind: s.kind, status: s.status, lengthZi: lengths.get(id) ?? lengthZi(s), author: s.author,
          pages: placed.get(id) ?? [], lockedBy: lock && !lock.mine && !lock.stale ? lock.user : null, dirty: byId.get(id)?.dirty ?? false,
        },
      ];
    });
  }, [meta, stories, entries, lengths]);
  // The same list while its figures are the same: a keystroke's new story makes new rows, and the budget table (its
  // header, its rows' comparisons) was drawn again for each.
  const shownRows = useRef<BudgetRow[]>(made);
  if (!sameRows(shownRows.current, made)) shownRows.current = made;
  const rows = shownRows.current;

  const created = async (story: Story) => {
    setCreating(false);
    const r = await yeban().invoke('issue:get', { sessionId });
    if (r.ok) onSession(r.value);
    putStory(story);
    setOpenId(story.id);
  };

  const pages = layout.result?.display.pages ?? [];
  const page = pages[Math.min(pageIndex, pages.length - 1)];
  // The page 改版 edits, by id: after a page is added or moved the laid-out pages catch up a moment later.
  const editIndex = Math.min(pageIndex, meta.pages.length - 1);
  const editPage = pages.find((p) => p.pageId === meta.pages[editIndex]?.id);
  // On the writing desk, the page of the open story beside the editor: every keystroke shows on it.
  const storyPageId = openId ? meta.pages.find((p) => p.frames.some((f) => 'storyId' in f && f.storyId === openId))?.id : undefined;
  const storyPage = storyPageId ? pages.find((p) => p.pageId === storyPageId) : undefined;
  const shownPages = useMemo(() => (tab === 'layout' ? pages : storyPage ? [storyPage] : NO_PAGES), [tab, pages, storyPage]);
  const pictures = usePagePictures(sessionId, shownPages);
  // While the writing desk is up, the layout desk's page is made ready in idle time: switching shows it at once. When
  // it is the page beside the editor, that view has made its drawing already (the same runs, at any zoom).
  const layoutFonts = layout.fonts;
  const besideEditor = openId !== null && page === storyPage;
  useEffect(() => (tab === 'writing' && page && layoutFonts && !besideEditor ? warmPageArt(page, layoutFonts) : undefined), [tab, page, layoutFonts, besideEditor]);
  // Opened from the budget (or closed): no caret request left over from an earlier click on the page.
  // Stable callbacks: the budget and the page view skip the render a keystroke's new story causes (their own
  // inputs change only when the layout lands).
  const openStory = useCallback((id: string | null) => {
    setCaret(null);
    setOpenId(id);
  }, []);
  const openAt = useCallback((hit: PageHit) => {
    setOpenId(hit.storyId);
    const source = hit.source;
    setCaret((caret) => (source ? { storyId: hit.storyId, ...source, seq: (caret?.seq ?? 0) + 1 } : null));
    setTab('writing');
  }, []);

  return (
    <>
      <IssueNotices opened={opened} />
      {!opened.readOnly && opened.recovery.length > 0 && (
        <RecoveryPanel
          sessionId={sessionId}
          offers={opened.recovery}
          onRecovered={(story) => {
            putStory(story);
            setTab('writing');
            setOpenId(story.id);
          }}
        />
      )}
      <nav className="desk-tabs" role="tablist" aria-label={t('desk.tabs')}>
        <button type="button" role="tab" aria-selected={tab === 'writing'} onClick={() => setTab('writing')}>
          {t('desk.writing')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'layout'} onClick={() => setTab('layout')}>
          {t('desk.layout')}
        </button>
        {autosavedAt !== null && (
          <span className="desk-autosave" data-testid="autosave-state">
            {t('desk.autosaved', { time: autosavedAt })}
          </span>
        )}
        <span className="desk-layout-state" data-testid="layout-state">
          {layout.error === null ? (layout.result ? t('desk.laidOut') : t('desk.layingOut')) : ''}
        </span>
      </nav>
      <DeskPanels
        sessionId={sessionId}
        readOnly={opened.readOnly}
        meta={meta}
        stories={stories}
        report={layout.result?.report ?? null}
        pages={pages}
        fonts={layout.fonts}
        onShowPage={(i) => {
          setPageIndex(i);
          setTab('layout');
        }}
        onOpenStory={(id) => {
          setOpenId(id);
          setTab('writing');
        }}
        onAdded={(session, added) => {
          added.forEach(putStory);
          onSession(session);
        }}
      />
      {notes.length > 0 && (
        <ul className="desk-notes" aria-label={t('events.title')}>
          {notes.map((n) => (
            <li key={n.id} role={n.alert ? 'alert' : undefined} className={n.alert ? 'desk-note alert' : 'desk-note'}>
              {n.text}
              <button type="button" onClick={() => setNotes((all) => all.filter((x) => x.id !== n.id))}>
                {t('events.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {layout.error !== null && (
        <div className="app-error" role="alert">
          <strong>{t('desk.layoutFailed')}</strong>
          <p>{layout.error}</p>
        </div>
      )}
      {tab === 'writing' ? (
        <div className={openId ? (storyPage && layout.fonts ? 'writing-desk with-story with-page' : 'writing-desk with-story') : 'writing-desk'}>
          <div className="writing-budget">
            <div className="budget-actions">
              {!opened.readOnly && !creating && (
                <button type="button" onClick={() => setCreating(true)}>
                  {t('budget.new')}
                </button>
              )}
            </div>
            {creating && <NewStoryForm sessionId={sessionId} onCreated={(s) => void created(s)} onCancel={() => setCreating(false)} />}
            <BudgetTable rows={rows} copyfits={budgetCopyfits} openId={openId} onOpen={openStory} />
          </div>
          {openId && (
            <StoryDesk
              key={openId}
              sessionId={sessionId}
              storyId={openId}
              sessionReadOnly={opened.readOnly ? (opened.readOnlyReason ?? t('issue.readOnlyUnknown')) : null}
              styles={meta.styles}
              copyfit={copyfits.get(openId) ?? null}
              onDraft={putStory}
              onSaved={(s) => {
                putStory(s);
                void refreshBudget();
              }}
              onClose={() => openStory(null)}
              caret={caret?.storyId === openId ? caret : null}
            />
          )}
          {openId && storyPage && layout.fonts && (
            <aside className="writing-page" aria-label={t('page.ofStory')}>
              <PageView page={storyPage} geometry={meta.geometry} fonts={layout.fonts} pictures={pictures.hrefs} onStoryClick={openAt} writing={openId} />
            </aside>
          )}
        </div>
      ) : (
        <div className="layout-desk">
          {layoutMode !== 'plan' && pages.length > 0 && layout.fonts && (
            <PageStrip
              pages={pages}
              names={new Map(meta.pages.map((p) => [p.id, p.name]))}
              current={Math.min(pageIndex, pages.length - 1)}
              fonts={layout.fonts}
              pictures={pictures.hrefs}
              onPick={setPageIndex}
            />
          )}
          <div className="layout-main">
            <LayoutModeBar mode={layoutMode} onMode={setLayoutMode} />
            {layoutMode === 'plan' ? (
              <FlatPlan meta={meta} pages={pages} fonts={layout.fonts} pictures={pictures.hrefs} current={pageIndex} edits={edits} readOnly={opened.readOnly} onPick={setPageIndex} />
            ) : layoutMode === 'frames' && layout.fonts && editPage ? (
              <FrameEditor
                sessionId={sessionId}
                meta={meta}
                pageIndex={editIndex}
                page={editPage}
                fonts={layout.fonts}
                pictures={pictures.hrefs}
                stories={stories}
                copyfits={copyfits}
                edits={edits}
                readOnly={opened.readOnly}
                onStory={putStory}
                onOpenStory={(id) => {
                  setOpenId(id);
                  setTab('writing');
                }}
              />
            ) : page && layout.fonts ? (
              <PageView
                page={page}
                geometry={meta.geometry}
                fonts={layout.fonts}
                pictures={pictures.hrefs}
                onStoryClick={openAt}
              />
            ) : layout.result ? (
              meta.pages.length === 0 && <p className="app-status">{t('page.none')}</p>
            ) : (
              layout.error === null && <p className="app-status">{t('desk.layingOut')}</p>
            )}
            {pictures.problems.length > 0 && (
              <ul className="notice notice-readonly" aria-label={t('page.pictureProblems')}>
                {pictures.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </>
  );
}
