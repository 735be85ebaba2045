// History: a snapshot on every save, full snapshots periodically, pruning that keeps every kept snapshot
// restorable, and restore of one story or the whole issue.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  listSnapshots, nodeFs, openIssue, pruneHistory, restoreSnapshot, saveIssueMeta, saveStory, takeFullSnapshot, defaultEnv, StoreError,
} from '../../src/main/store';
import { cleanupTemp, makeIssue, tempDir } from './helpers';

afterAll(cleanupTemp);

async function edit(dir: string, id: string, slug: string): Promise<string> {
  const cur = (await openIssue(dir)).stories[id]!;
  const r = await saveStory(dir, { ...cur, slug }, { baseRevision: cur.revision });
  return r.snapshotId!;
}

describe('history', () => {
  it('records a snapshot for every save, newest first', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1']);
    const before = (await listSnapshots(nodeFs, dir)).length;
    const id = await edit(dir, 'a1', '第二稿');
    const snaps = await listSnapshots(nodeFs, dir);
    expect(snaps.length).toBe(before + 1);
    expect(snaps[0]).toMatchObject({ id, kind: 'delta', reason: '保存稿件 a1', files: ['stories/a1.json'] });
    expect(snaps.at(-1)).toMatchObject({ kind: 'full', reason: '新建期刊' });
  });

  it('restores one story as it was, with a revision above the current one, and can undo the restore', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1', 'b2']);
    const s1 = await edit(dir, 'a1', '第一稿');
    await edit(dir, 'a1', '第二稿');
    await edit(dir, 'b2', 'b 的新稿');
    const r = await restoreSnapshot(dir, s1, { storyId: 'a1' });
    expect(r.restored).toEqual(['stories/a1.json']);
    const o = await openIssue(dir);
    expect(o.stories.a1!.slug).toBe('第一稿');
    expect(o.stories.a1!.revision).toBe(4);
    expect(o.stories.b2!.slug).toBe('b 的新稿');
    await restoreSnapshot(dir, r.beforeSnapshotId!, { storyId: 'a1' });
    expect((await openIssue(dir)).stories.a1!.slug).toBe('第二稿');
  });

  it('restores the whole issue: issue.json and every story', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1', 'b2']);
    const o0 = await openIssue(dir);
    const full = await takeFullSnapshot(defaultEnv(), dir, '测试');
    await edit(dir, 'a1', '改 a');
    await edit(dir, 'b2', '改 b');
    await saveIssueMeta(dir, { ...o0.meta, paper: '改名日报' }, { baseHash: o0.metaHash });
    await restoreSnapshot(dir, full!);
    const o = await openIssue(dir);
    expect(o.meta.paper).toBe('济宁日报');
    expect([o.stories.a1!.slug, o.stories.b2!.slug]).toEqual(['稿件a1', '稿件b2']);
  });

  it('restores a file that was broken on disk from its last good snapshot', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1']);
    writeFileSync(path.join(dir, 'stories/a1.json'), '{"broken": ');
    const o = await openIssue(dir);
    const p = o.problems[0]!;
    expect(p.file).toBe('stories/a1.json');
    await restoreSnapshot(dir, p.lastGoodSnapshot!, { storyId: 'a1' });
    expect((await openIssue(dir)).stories.a1!.slug).toBe('稿件a1');
  });

  it('content written outside Yeban is kept in history before a save replaces it', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1']);
    const file = path.join(dir, 'stories/a1.json');
    const j = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...j, slug: '外部工具改的' }));
    await edit(dir, 'a1', '覆盖');
    const snaps = await listSnapshots(nodeFs, dir);
    expect(snaps[1]!.reason).toBe('保存前的版本');
    await restoreSnapshot(dir, snaps[1]!.id, { storyId: 'a1' });
    expect((await openIssue(dir)).stories.a1!.slug).toBe('外部工具改的');
  });

  it('pruning keeps every remaining snapshot restorable and drops unreferenced contents', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1', 'b2']);
    for (let i = 0; i < 12; i++) {
      await edit(dir, i % 2 ? 'a1' : 'b2', `稿${i}`);
      if (i === 5) await takeFullSnapshot(defaultEnv(), dir, '定时快照');
    }
    const objectsBefore = readdirSync(path.join(dir, '.yeban/history/objects')).length;
    const r = await pruneHistory(nodeFs, dir, { keepRecent: 4, keepFull: 1 });
    expect(r.removedSnapshots).toBeGreaterThan(0);
    expect(r.removedObjects).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, '.yeban/history/objects')).length).toBe(objectsBefore - r.removedObjects);
    for (const s of await listSnapshots(nodeFs, dir)) await restoreSnapshot(dir, s.id);
    const last = (await listSnapshots(nodeFs, dir)).find((s) => s.reason === '保存稿件 a1');
    expect(last).toBeDefined();
  });

  it('an unknown snapshot id is refused with a message', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1']);
    await expect(restoreSnapshot(dir, '20240101T000000000Z-00000-zz')).rejects.toThrow(StoreError);
    await expect(restoreSnapshot(dir, '20240101T000000000Z-00000-zz')).rejects.toThrow(/没有这个历史快照/);
  });

  it('a damaged history object is detected, not restored', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1']);
    const id = await edit(dir, 'a1', '好的');
    const objs = path.join(dir, '.yeban/history/objects');
    for (const n of readdirSync(objs)) writeFileSync(path.join(objs, n), 'bit rot');
    await expect(restoreSnapshot(dir, id, { storyId: 'a1' })).rejects.toThrow(/历史内容已损坏/);
    expect((await openIssue(dir)).stories.a1!.slug).toBe('好的');
  });
});

describe('restore and locks', () => {
  it('refuses to restore a story someone is editing, naming them', async () => {
    const { acquireLock, newLockToken } = await import('../../src/main/store');
    const { envWith } = await import('./helpers');
    const dir = await makeIssue(path.join(tempDir(), 'h.yeban'), ['a1']);
    const id = await edit(dir, 'a1', '第一稿');
    await edit(dir, 'a1', '第二稿');
    await acquireLock(envWith({ user: '刘春雷', host: 'desk-7' }), dir, { kind: 'story', id: 'a1' }, newLockToken());
    await expect(restoreSnapshot(dir, id, { storyId: 'a1' })).rejects.toThrow(/稿件「a1」正由 刘春雷（desk-7）编辑，请等其关闭后再恢复/);
    expect((await openIssue(dir)).stories.a1!.slug).toBe('第二稿');
  });
});
