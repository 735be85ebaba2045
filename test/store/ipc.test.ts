// The store's IPC handlers behind the shared dispatch: sender check, payload validation, then the session.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { storeHandlers, closeAllSessions } from '../../src/main/ipc/handlers/store';
import type { DeskSession, BudgetEntry, SaveView, StoryView, SnapshotView, StoreEventView, LockAcquireView } from '../../src/main/ipc/channels';
import { openIssue, saveStory } from '../../src/main/store';
import { cleanupTemp, envWith, makeIssue, makeStory, tempDir } from './helpers';

afterAll(async () => {
  await closeAllSessions();
  cleanupTemp();
});

const ORIGIN = 'app://yeban';
const dispatch = createDispatch({
  handlers: storeHandlers,
  trustedOrigin: ORIGIN,
  context: { documentsDir: tempDir(), resourcesDir: tempDir(), host: 'chromium', appVersion: 'test', launchIssuePath: null },
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const r = await dispatch(channel, payload, `${ORIGIN}/index.html`);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

describe('store channels', () => {
  it('open → budget → edit → save → history → restore', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'ipc.yeban'), ['a1', 'b2']);
    const s = await call<DeskSession>('issue:open', { path: dir });
    expect(s.sessionId).toMatch(/^[0-9a-f]{16}$/);
    expect(s.stories.map((x) => x.id)).toEqual(['a1', 'b2']);
    expect(s.readOnly).toBe(false);
    // The same folder opened again shares the session.
    expect((await call<DeskSession>('issue:open', { path: dir })).sessionId).toBe(s.sessionId);

    const budget = await call<BudgetEntry[]>('story:list', { sessionId: s.sessionId });
    expect(budget.map((b) => [b.id, b.slug, b.chars, b.dirty])).toEqual([['a1', '稿件a1', 15, false], ['b2', '稿件b2', 15, false]]);

    const got = await call<StoryView>('story:get', { sessionId: s.sessionId, storyId: 'a1' });
    await call('story:edit', { sessionId: s.sessionId, story: { ...got.story, slug: '编辑中' } });
    const after = await call<BudgetEntry[]>('story:list', { sessionId: s.sessionId });
    expect(after[0]).toMatchObject({ dirty: true, lock: { mine: true, kind: 'story', id: 'a1' } });

    const saved = await call<SaveView>('story:save', { sessionId: s.sessionId, storyId: 'a1' });
    expect(saved).toMatchObject({ status: 'saved', story: { slug: '编辑中', revision: 2 } });
    const hist = await call<SnapshotView[]>('history:list', { sessionId: s.sessionId });
    expect(hist[0]).toMatchObject({ reason: '保存稿件 a1' });
    const before = hist.find((h) => h.reason === '新增稿件 b2')!;
    const restored = await call<{ restored: string[]; session: DeskSession }>('history:restore', { sessionId: s.sessionId, snapshotId: before.id, storyId: 'a1' });
    expect(restored.restored).toEqual(['stories/a1.json']);
    expect(restored.session.stories.find((x) => x.id === 'a1')!.slug).toBe('稿件a1');
    await expect(call('story:list', { sessionId: s.sessionId })).rejects.toThrow(/会话已关闭/);
    expect(await call('issue:close', { sessionId: restored.session.sessionId })).toEqual({ closed: true });
  });

  it('a colleague’s save meets a local edit: the save answers with the conflict folder', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'ipc.yeban'), ['a1']);
    const s = await call<DeskSession>('issue:open', { path: dir });
    const { story } = await call<StoryView>('story:get', { sessionId: s.sessionId, storyId: 'a1' });
    const cur = (await openIssue(dir)).stories.a1!;
    await saveStory(dir, { ...cur, slug: '同事' }, { env: envWith({ user: '刘春雷' }), baseRevision: cur.revision });
    const r = await call<SaveView>('story:save', { sessionId: s.sessionId, storyId: 'a1', story: { ...story, slug: '我' } });
    expect(r).toMatchObject({ status: 'conflict', folder: expect.stringMatching(/^\.yeban\/conflicts\/a1-/) });
    const events = await call<StoreEventView[]>('issue:events', { sessionId: s.sessionId });
    expect(events.some((e) => e.type === 'conflict')).toBe(true);
    const kept = await call<SaveView>('story:resolveConflict', { sessionId: s.sessionId, storyId: 'a1', keep: 'mine' });
    expect(kept).toMatchObject({ status: 'saved', story: { slug: '我' } });
    await call('issue:close', { sessionId: s.sessionId });
  });

  it('locks answer with the holder; new issues and stories can be made', async () => {
    const parent = tempDir();
    const s = await call<DeskSession>('issue:create', { path: path.join(parent, 'n.yeban'), paper: '济宁日报', date: '2024-03-08', pages: 4, size: 'tabloid' });
    expect(s.issue.pages).toHaveLength(4);
    const added = await call<StoryView>('story:add', { sessionId: s.sessionId, story: makeStory('x1') });
    expect(added.story).toMatchObject({ id: 'x1', revision: 1 });
    const lock = await call<LockAcquireView>('lock:acquire', { sessionId: s.sessionId, target: { kind: 'page', id: 'p01' } });
    expect(lock).toEqual({ ok: true, tookOver: false });
    expect(await call('lock:release', { sessionId: s.sessionId, target: { kind: 'page', id: 'p01' } })).toEqual({ released: true });
    await call('issue:close', { sessionId: s.sessionId });
  });

  it('issue:create refuses, in Chinese with the folder and the reason: a folder in use, a relative path, a day that does not exist', async () => {
    const used = await makeIssue(path.join(tempDir(), 'used.yeban'), ['a1']);
    const ask = (payload: object) => dispatch('issue:create', { paper: '济宁日报', date: '2024-03-08', pages: 4, size: 'broadsheet', ...payload }, `${ORIGIN}/index.html`);
    expect(await ask({ path: used })).toEqual({ ok: false, error: { code: 'exists', message: `${used}：文件夹已存在且不是空的，不会覆盖` } });
    expect(await ask({ path: 'relative/n.yeban' })).toEqual({ ok: false, error: { code: 'invalid', message: 'relative/n.yeban：期刊文件夹须是完整路径' } });
    const feb30 = await ask({ path: path.join(tempDir(), 'n.yeban'), date: '2024-02-30' });
    expect(feb30).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('日期「2024-02-30」不存在') } });
  });

  it('a broken story shows in the budget with its problem', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'ipc.yeban'), ['a1', 'b2']);
    writeFileSync(path.join(dir, 'stories/b2.json'), 'oops');
    const s = await call<DeskSession>('issue:open', { path: dir });
    expect(s.storeProblems[0]).toMatchObject({ file: 'stories/b2.json', kind: 'invalid', lastGoodSnapshot: expect.any(String) });
    const budget = await call<BudgetEntry[]>('story:list', { sessionId: s.sessionId });
    expect(budget[1]).toMatchObject({ id: 'b2', problem: { reason: expect.stringContaining('JSON 语法错误') } });
    await call('issue:close', { sessionId: s.sessionId });
  });

  it('refuses bad payloads and foreign senders before any handler runs', async () => {
    const bad = [
      ['story:get', { sessionId: '0123456789abcdef', storyId: '../../etc/passwd' }],
      ['story:get', { sessionId: 'not-a-session', storyId: 'a1' }],
      ['issue:open', { path: 'a\0b' }],
      ['issue:open', { path: '/x', extra: 1 }],
      ['lock:acquire', { sessionId: '0123456789abcdef', target: { kind: 'story', id: '../x' } }],
      ['history:restore', { sessionId: '0123456789abcdef', snapshotId: '../../x' }],
      ['story:edit', { sessionId: '0123456789abcdef', story: { id: 'a1' } }],
    ] as const;
    for (const [channel, payload] of bad) {
      const r = await dispatch(channel, payload, `${ORIGIN}/index.html`);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.code, `${channel} ${JSON.stringify(payload)}`).toBe('invalid-payload');
    }
    const foreign = await dispatch('issue:open', { path: '/tmp' }, 'https://evil.example/');
    expect(foreign.ok === false && foreign.error.code).toBe('forbidden-sender');
    const missing = await dispatch('story:list', { sessionId: '0123456789abcdef' }, `${ORIGIN}/`);
    expect(missing.ok === false && missing.error.code).toBe('missing');
  });
});
