// Fault injection (b): every step of an atomic write fails the way real disks fail. The tests run as root,
// so the failures are injected through the store's fs interface rather than through permissions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openIssue, saveIssueMeta, saveStory, StoreError, IssueSession, importAsset } from '../../src/main/store';
import { cleanupTemp, envWith, faultyFs, makeIssue, tempDir, type FaultOp } from './helpers';

afterAll(cleanupTemp);

const CODES = ['EACCES', 'EROFS', 'ENOSPC', 'EIO'] as const;
const REASONS: Record<(typeof CODES)[number], string> = { EACCES: '没有写入权限', EROFS: '磁盘为只读', ENOSPC: '磁盘空间已满', EIO: '磁盘读写错误' };
const STEPS: FaultOp[] = ['open', 'write', 'sync', 'rename'];

const isTemp = (p: string): boolean => p.includes('.yeban-tmp-');
const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.yeban-tmp-'));

async function expectStoreError(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected the write to fail');
}

describe('a failing step of a story save leaves the previous file intact and names the cause', () => {
  for (const code of CODES) {
    for (const step of STEPS) {
      it(`${code} at ${step}`, async () => {
        const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
        const file = path.join(dir, 'stories', 'a1.json');
        const before = readFileSync(file);
        const opened = await openIssue(dir);
        const story = opened.stories.a1!;
        // open/write/sync hit the temp file beside the story; rename hits the story itself.
        const fs = faultyFs({ op: step, code, match: (p) => p.includes(`${path.sep}stories${path.sep}`) && (step === 'rename' ? p === file : isTemp(p)) });
        const err = await expectStoreError(saveStory(dir, { ...story, slug: '改过的' }, { env: envWith({ fs }), baseRevision: story.revision }));
        expect(fs.hits).toBe(1);
        expect(err.kind).toBe('io');
        expect(err.errno).toBe(code);
        expect(err.file).toBe('stories/a1.json');
        expect(err.message).toContain(REASONS[code]);
        expect(err.message).toContain(code);
        expect(readFileSync(file).equals(before)).toBe(true);
        expect(leftovers(path.dirname(file))).toEqual([]);
        const again = await openIssue(dir);
        expect(again.problems).toEqual([]);
        expect(again.stories.a1!.slug).toBe(story.slug);
      });
    }
  }
});

describe('a failing step of an issue.json save leaves it intact', () => {
  for (const code of CODES) {
    for (const step of STEPS) {
      it(`${code} at ${step}`, async () => {
        const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
        const file = path.join(dir, 'issue.json');
        const before = readFileSync(file);
        const opened = await openIssue(dir);
        const fs = faultyFs({ op: step, code, match: (p) => path.dirname(p) === dir && (step === 'rename' ? p === file : isTemp(p)) });
        const err = await expectStoreError(saveIssueMeta(dir, { ...opened.meta, paper: '改名日报' }, { env: envWith({ fs }), baseHash: opened.metaHash }));
        expect(fs.hits).toBe(1);
        expect(err.errno).toBe(code);
        expect(err.file).toBe('issue.json');
        expect(err.message).toContain(REASONS[code]);
        expect(readFileSync(file).equals(before)).toBe(true);
        expect(leftovers(dir)).toEqual([]);
        expect((await openIssue(dir)).meta.paper).toBe('济宁日报');
      });
    }
  }
});

describe('other writes under failure', () => {
  it('a failing folder fsync after the rename reports the cause; the file is whole (old or new, never a mix)', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const story = (await openIssue(dir)).stories.a1!;
    const fs = faultyFs({ op: 'sync', code: 'EIO', match: (p) => p === path.join(dir, 'stories') });
    const err = await expectStoreError(saveStory(dir, { ...story, slug: '新' }, { env: envWith({ fs }), baseRevision: story.revision }));
    expect(err.errno).toBe('EIO');
    expect(err.message).toContain('同步文件夹');
    const after = await openIssue(dir);
    expect(after.problems).toEqual([]);
    expect(['新', story.slug]).toContain(after.stories.a1!.slug);
  });

  it('a history write failing after the story is saved does not fail the save', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const story = (await openIssue(dir)).stories.a1!;
    const fs = faultyFs({ op: 'open', code: 'ENOSPC', match: (p) => p.includes(`${path.sep}history${path.sep}`) });
    const r = await saveStory(dir, { ...story, slug: '新' }, { env: envWith({ fs }), baseRevision: story.revision });
    expect(r.snapshotId).toBeNull();
    expect(r.warning).toContain('磁盘空间已满');
    expect((await openIssue(dir)).stories.a1!.slug).toBe('新');
  });

  it('a failing autosave journal is reported as an event and retried; the saved story is untouched', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const before = readFileSync(path.join(dir, 'stories', 'a1.json'));
    let failing = true;
    const base = faultyFs({ op: 'open', code: 'ENOSPC', match: (p) => failing && p.includes(`${path.sep}journal${path.sep}`) });
    const s = await IssueSession.open(dir, { env: envWith({ fs: base }), watch: false, autosaveMs: 20 });
    try {
      await s.edit({ ...s.savedStory('a1')!, slug: '草稿' });
      await s.flushJournal();
      const events = s.drainEvents();
      const failed = events.find((e) => e.type === 'autosaveFailed');
      expect(failed && failed.type === 'autosaveFailed' && failed.error.errno).toBe('ENOSPC');
      expect(readFileSync(path.join(dir, 'stories', 'a1.json')).equals(before)).toBe(true);
      failing = false;
      // The retry comes on its own (no further edit), one interval later.
      let saved = false;
      for (let i = 0; i < 500 && !saved; i++) {
        await new Promise((r) => setTimeout(r, 20));
        saved = s.drainEvents().some((e) => e.type === 'autosaved');
      }
      expect(saved).toBe(true);
      expect(JSON.parse(readFileSync(path.join(dir, '.yeban/journal/a1.json'), 'utf8')).story.slug).toBe('草稿');
    } finally {
      await s.close();
    }
  });

  it('a photo import that runs out of space leaves no partial asset and issue.json unchanged', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), []);
    const meta = readFileSync(path.join(dir, 'issue.json'));
    const fs = faultyFs({ op: 'write', code: 'ENOSPC', match: (p) => p.includes(`${path.sep}assets${path.sep}`) });
    const err = await expectStoreError(importAsset(dir, '/usr/share/backgrounds/mate/nature/Aqua.jpg', { env: envWith({ fs }) }));
    expect(err.errno).toBe('ENOSPC');
    expect(readdirSync(path.join(dir, 'assets'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'issue.json')).equals(meta)).toBe(true);
  });
});
