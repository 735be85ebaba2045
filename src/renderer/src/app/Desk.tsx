import { useCallback, useEffect, useMemo, useState } from 'react';
import { type IssueMeta, type Story } from '../../../core/model';
import { storyLengthZi } from '../../../core/model';
import { type BudgetEntry, type DeskSession } from '../../../preload/api';
import { BudgetTable } from '../budget/BudgetTable';
import { type BudgetRow } from '../budget/budget-view';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';
import { copyfitOf, type Copyfit } from '../layout/copyfit';
import { PageView } from '../layout/PageView';
import { useDeskLayout } from '../layout/useDeskLayout';
import { usePagePictures } from '../layout/usePagePictures';
import { NewStoryForm } from '../story/NewStoryForm';
import { StoryDesk } from '../story/StoryDesk';
import { IssueNotices } from './IssueNotices';

type Tab = 'writing' | 'layout';

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
  const meta = opened.issue;
  const sessionId = opened.sessionId;

  useEffect(() => setStories(new Map(opened.stories.map((s) => [s.id, s]))), [opened]);

  const refreshBudget = useCallback(async () => {
    const r = await yeban().invoke('story:list', { sessionId });
    if (r.ok) setEntries(r.value);
  }, [sessionId]);
  useEffect(() => void refreshBudget(), [refreshBudget, openId]);

  const putStory = useCallback((s: Story) => setStories((m) => new Map(m).set(s.id, s)), []);
  const layout = useDeskLayout(meta, stories);

  const copyfits = useMemo(() => {
    const m = new Map<string, Copyfit>();
    for (const fit of layout.result?.report.stories ?? []) m.set(fit.storyId, copyfitOf(fit));
    return m;
  }, [layout.result]);

  const rows = useMemo((): BudgetRow[] => {
    const placed = placements(meta);
    const byId = new Map((entries ?? []).map((e) => [e.id, e]));
    return meta.storyIds.flatMap((id) => {
      const s = stories.get(id);
      if (!s) return [];
      const lock = byId.get(id)?.lock;
      return [
        {
          id, slug: s.slug, kind: s.kind, status: s.status, lengthZi: storyLengthZi(s), author: s.author,
          pages: placed.get(id) ?? [], lockedBy: lock && !lock.mine && !lock.stale ? lock.user : null, dirty: byId.get(id)?.dirty ?? false,
        },
      ];
    });
  }, [meta, stories, entries]);

  const created = async (story: Story) => {
    setCreating(false);
    const r = await yeban().invoke('issue:get', { sessionId });
    if (r.ok) onSession(r.value);
    putStory(story);
    setOpenId(story.id);
  };

  const pages = layout.result?.display.pages ?? [];
  const page = pages[Math.min(pageIndex, pages.length - 1)];
  const pictures = usePagePictures(sessionId, tab === 'layout' ? page : undefined);

  return (
    <>
      <IssueNotices opened={opened} />
      <nav className="desk-tabs" role="tablist" aria-label={t('desk.tabs')}>
        <button type="button" role="tab" aria-selected={tab === 'writing'} onClick={() => setTab('writing')}>
          {t('desk.writing')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'layout'} onClick={() => setTab('layout')}>
          {t('desk.layout')}
        </button>
        <span className="desk-layout-state" data-testid="layout-state">
          {layout.error === null ? (layout.result ? t('desk.laidOut') : t('desk.layingOut')) : ''}
        </span>
      </nav>
      {layout.error !== null && (
        <div className="app-error" role="alert">
          <strong>{t('desk.layoutFailed')}</strong>
          <p>{layout.error}</p>
        </div>
      )}
      {tab === 'writing' ? (
        <div className={openId ? 'writing-desk with-story' : 'writing-desk'}>
          <div className="writing-budget">
            <div className="budget-actions">
              {!opened.readOnly && !creating && (
                <button type="button" onClick={() => setCreating(true)}>
                  {t('budget.new')}
                </button>
              )}
            </div>
            {creating && <NewStoryForm sessionId={sessionId} onCreated={(s) => void created(s)} onCancel={() => setCreating(false)} />}
            <BudgetTable rows={rows} copyfits={copyfits} openId={openId} onOpen={setOpenId} />
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
              onClose={() => setOpenId(null)}
            />
          )}
        </div>
      ) : (
        <div className="layout-desk">
          {pages.length > 1 && (
            <label className="page-picker">
              {t('page.pick')}
              <select value={pageIndex} onChange={(e) => setPageIndex(Number(e.target.value))}>
                {pages.map((p, i) => (
                  <option key={p.pageId} value={i}>
                    {t('page.title', { number: p.number })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {page && layout.fonts ? <PageView
              page={page}
              fonts={layout.fonts}
              pictures={pictures.hrefs}
              onStoryClick={(hit) => {
                setOpenId(hit.storyId);
                setTab('writing');
              }}
            /> : layout.error === null && <p className="app-status">{t('desk.layingOut')}</p>}
          {layout.result && meta.pages.length === 0 && <p className="app-status">{t('page.none')}</p>}
          {pictures.problems.length > 0 && (
            <ul className="notice notice-readonly" aria-label={t('page.pictureProblems')}>
              {pictures.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
