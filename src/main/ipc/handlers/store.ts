import path from 'node:path';
import {
  IssueSession, createIssue, bodyChars, listSnapshots, restoreSnapshot, StoreError,
  type LockInfo, type StoreErrorInfo, type SessionEvent, type StoryState, type SaveOutcome,
} from '../../store';
import {
  type BudgetEntry, type DeskSession, type LockView, type SaveView, type StoreEventView, type StoreProblem, type StoryView,
} from '../channels';
import { type HandlerTable } from '../dispatch';

// The store's IPC handlers: plain functions over IssueSession. Sessions live for the life of the process
// (one main process, or one e2e host), keyed by the id the renderer got when it opened the issue.

const sessions = new Map<string, IssueSession>();

/** Where session events go besides the queue `issue:events` drains (the Electron glue may push them to the window). */
let eventSink: ((sessionId: string, event: StoreEventView) => void) | null = null;
export function setStoreEventSink(sink: ((sessionId: string, event: StoreEventView) => void) | null): void {
  eventSink = sink;
}

function session(id: string): IssueSession {
  const s = sessions.get(id);
  if (!s) throw new StoreError('missing', id, '期刊没有打开（会话已关闭）');
  return s;
}

/** Folders being opened: a second open of the same folder waits for the first instead of racing it. */
const opening = new Map<string, Promise<IssueSession>>();

/** Open a folder as a session; the same folder opened twice in one process shares its session (and locks). */
export async function openSession(dir: string): Promise<IssueSession> {
  const abs = path.resolve(dir);
  for (const s of sessions.values()) if (s.dir === abs) return s;
  const pending = opening.get(abs);
  if (pending) return pending;
  const open = (async () => {
    let id = '';
    const s = await IssueSession.open(abs, { onEvent: (e) => eventSink?.(id, eventView(e)) });
    id = s.id;
    sessions.set(s.id, s);
    return s;
  })();
  opening.set(abs, open);
  try {
    return await open;
  } finally {
    opening.delete(abs);
  }
}

/**
 * Starts opening the issue named at launch while the window is still loading (reading and checking every
 * story file is most of the wait before the first page), so the renderer's `issue:open` finds it open or
 * under way. A failure is left for that call to report.
 */
export function preopenSession(dir: string | null): void {
  if (dir) openSession(dir).catch(() => undefined);
}

export async function closeAllSessions(): Promise<void> {
  await Promise.allSettled([...opening.values()]);
  for (const [id, s] of [...sessions]) {
    sessions.delete(id);
    await s.close();
  }
}

export const problemView = (p: StoreErrorInfo): StoreProblem => ({
  kind: p.kind, file: p.file, reason: p.reason, message: p.message, fields: p.fields, lastGoodSnapshot: p.lastGoodSnapshot,
});

export const lockView = (l: LockInfo): LockView => ({ kind: l.kind, id: l.id, user: l.user, host: l.host, heartbeatAt: l.heartbeatAt, stale: l.stale, mine: l.mine });

function storyView(st: StoryState): StoryView {
  return { story: st.story, savedRevision: st.savedRevision, dirty: st.dirty, lock: st.lock ? lockView(st.lock) : null, readOnlyReason: st.readOnlyReason };
}

function saveView(o: SaveOutcome): SaveView {
  return o.status === 'conflict' ? { status: 'conflict', folder: o.conflict.folder, message: o.message } : { status: o.status, story: o.story };
}

function eventView(e: SessionEvent): StoreEventView {
  switch (e.type) {
    case 'fileProblem': return { type: 'fileProblem', problem: problemView(e.problem) };
    case 'autosaveFailed': return { type: 'autosaveFailed', error: problemView(e.error) };
    case 'lockLost': return { type: 'lockLost', target: e.target, holder: e.holder ? lockView(e.holder) : null };
    default: return e;
  }
}

export async function deskSession(s: IssueSession): Promise<DeskSession> {
  const o = s.opened;
  const locks = await s.locks().catch(() => []);
  return {
    sessionId: s.id,
    dir: s.dir,
    issue: s.meta,
    metaHash: s.metaHash,
    stories: s.meta.storyIds.flatMap((id) => s.savedStory(id) ?? []),
    readOnly: s.readOnly,
    readOnlyReason: s.readOnlyReason,
    problems: o.problems.map((p) => ({ file: p.file, message: p.message })),
    findings: o.findings.map((f) => ({ file: f.file, message: f.message })),
    storeProblems: o.problems.map(problemView),
    recovery: o.recovery,
    locks: locks.map(lockView),
    dirty: s.dirtyIds(),
  };
}

export const storeHandlers: HandlerTable = {
  'issue:open': async (p) => deskSession(await openSession(p.path)),
  'issue:create': async (p) => {
    // A relative path would land wherever the process happens to run: the form always sends a full one.
    if (!path.isAbsolute(p.path)) throw new StoreError('invalid', p.path, '期刊文件夹须是完整路径');
    await createIssue(p.path, { paper: p.paper, date: p.date, pages: p.pages, size: p.size });
    return deskSession(await openSession(p.path));
  },
  'issue:close': async (p) => {
    const s = sessions.get(p.sessionId);
    if (!s) return { closed: false };
    sessions.delete(p.sessionId);
    await s.close();
    return { closed: true };
  },
  'issue:get': async (p) => deskSession(session(p.sessionId)),
  'issue:saveMeta': async (p) => {
    const s = session(p.sessionId);
    const meta = await s.saveMeta(p.meta);
    return { meta, metaHash: s.metaHash };
  },
  'issue:events': async (p) => session(p.sessionId).drainEvents().map(eventView),
  'story:list': async (p) => {
    const s = session(p.sessionId);
    const locks = new Map((await s.locks().catch(() => [])).filter((l) => l.kind === 'story').map((l) => [l.id, lockView(l)]));
    const problems = new Map(s.opened.problems.map((pr) => [pr.file, problemView(pr)]));
    return s.storyIds().map((id): BudgetEntry => {
      const st = s.savedStory(id);
      return {
        id,
        slug: st?.slug ?? id,
        kind: st?.kind ?? '消息',
        status: st?.status ?? '草稿',
        author: st?.author ?? '',
        revision: st?.revision ?? 0,
        chars: st ? bodyChars(st) : 0,
        dirty: s.isDirty(id),
        lock: locks.get(id) ?? null,
        problem: st ? null : problems.get(`stories/${id}.json`) ?? null,
      };
    });
  },
  'story:get': async (p) => storyView(await session(p.sessionId).storyState(p.storyId)),
  'story:edit': async (p) => {
    await session(p.sessionId).edit(p.story);
    return { dirty: true };
  },
  'story:save': async (p) => {
    const s = session(p.sessionId);
    if (p.story) {
      if (p.story.id !== p.storyId) throw new StoreError('invalid', `stories/${p.storyId}.json`, '稿件编号与内容不符');
      await s.edit(p.story);
    }
    return saveView(await s.save(p.storyId));
  },
  'story:discard': async (p) => {
    const s = session(p.sessionId);
    await s.discard(p.storyId);
    return storyView(await s.storyState(p.storyId));
  },
  'story:add': async (p) => {
    const s = session(p.sessionId);
    await s.addStory(p.story);
    return storyView(await s.storyState(p.story.id));
  },
  'story:resolveConflict': async (p) => saveView(await session(p.sessionId).resolveConflict(p.storyId, p.keep)),
  'recovery:apply': async (p) => {
    const s = session(p.sessionId);
    await s.recover(p.storyId);
    return storyView(await s.storyState(p.storyId));
  },
  'recovery:discard': async (p) => {
    const s = session(p.sessionId);
    await s.discard(p.storyId);
    return { discarded: true };
  },
  'lock:acquire': async (p) => {
    const r = await session(p.sessionId).lock(p.target);
    return r.ok ? r : { ok: false, holder: lockView(r.holder), message: r.message };
  },
  'lock:release': async (p) => ({ released: await session(p.sessionId).unlock(p.target) }),
  'lock:list': async (p) => (await session(p.sessionId).locks()).map(lockView),
  'history:list': async (p) => listSnapshots(session(p.sessionId).env.fs, session(p.sessionId).dir),
  'history:restore': async (p) => {
    const s = session(p.sessionId);
    if (p.storyId) await s.discard(p.storyId);
    else for (const id of s.dirtyIds()) await s.discard(id);
    const r = await restoreSnapshot(s.dir, p.snapshotId, { env: s.env, token: s.token, ...(p.storyId ? { storyId: p.storyId } : {}) });
    // Reopen so the session sees exactly what is on disk now.
    sessions.delete(s.id);
    await s.close();
    const fresh = await openSession(s.dir);
    return { restored: r.restored, beforeSnapshotId: r.beforeSnapshotId, session: await deskSession(fresh) };
  },
  'asset:import': async (p) => session(p.sessionId).importAsset(p.path, p.source ?? ''),
};
