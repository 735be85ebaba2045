// The watch for colleagues' saves must not report this session's own writes of issue.json (an asset import,
// a frame edit, a new story) as a colleague's change: the desk would tell the user "someone else updated the
// issue" after every photo they imported themselves.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IssueSession, openIssue, saveIssueMeta, sha256, type SessionEvent } from '../../src/main/store';
import { cleanupTemp, envWith, makeIssue, makeStory, tempDir } from './helpers';

afterAll(cleanupTemp);

const PHOTO = '/usr/share/backgrounds/mate/nature/Aqua.jpg';
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const metaEvents = (events: SessionEvent[]) => events.filter((e) => e.type === 'metaChanged');

describe('own writes of issue.json', () => {
  it('an import, a frame save and a new story are not reported as a colleague’s change', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    // Polling every 5 ms as well as fs.watch: a scan lands in the middle of every write.
    const s = await IssueSession.open(dir, { pollMs: 5, onEvent: (e) => events.push(e) });
    try {
      const r = await s.importAsset(PHOTO, '本报资料');
      expect(r.added).toBe(true);
      expect(Object.keys(r).sort()).toEqual(['added', 'asset']);
      expect(s.meta.assets.map((a) => a.id)).toEqual([r.asset.id]);
      expect(s.metaHash).toBe(sha256(readFileSync(path.join(dir, 'issue.json'), 'utf8')));

      const page = s.meta.pages[0]!;
      await s.saveMeta({ ...s.meta, pages: [{ ...page, name: '要闻' }, ...s.meta.pages.slice(1)] });
      await s.addStory(makeStory('c3'));
      const copy = path.join(tempDir(), '第二张.jpg');
      copyFileSync('/usr/share/backgrounds/mate/nature/Storm.jpg', copy);
      await s.importAsset(copy);
      await settle(300);
      await s.checkForChanges();
      expect(metaEvents(events)).toEqual([]);
      expect(s.meta.assets).toHaveLength(2);
      expect(s.meta.storyIds).toEqual(['a1', 'c3']);
    } finally {
      await s.close();
    }
  });

  it('a colleague’s save of issue.json is still reported', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { pollMs: 50, onEvent: (e) => events.push(e) });
    try {
      const o = await openIssue(dir);
      await saveIssueMeta(dir, { ...o.meta, issueNumber: '第 9999 期' }, { env: envWith({ user: '刘春雷' }), baseHash: o.metaHash });
      await s.checkForChanges();
      expect(metaEvents(events)).toHaveLength(1);
      expect(s.meta.issueNumber).toBe('第 9999 期');
    } finally {
      await s.close();
    }
  });

  it('an import made on top of a colleague’s unseen change reports that change', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { watch: false, onEvent: (e) => events.push(e) });
    try {
      const o = await openIssue(dir);
      await saveIssueMeta(dir, { ...o.meta, issueNumber: '第 7 期' }, { env: envWith({ user: '刘春雷' }), baseHash: o.metaHash });
      await s.importAsset(PHOTO);
      expect(metaEvents(events)).toHaveLength(1);
      expect(s.meta.issueNumber).toBe('第 7 期');
      expect(s.meta.assets).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it('a save refused because a colleague saved first still reports their change', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { watch: false, onEvent: (e) => events.push(e) });
    try {
      const o = await openIssue(dir);
      await saveIssueMeta(dir, { ...o.meta, issueNumber: '第 8 期' }, { env: envWith({ user: '刘春雷' }), baseHash: o.metaHash });
      await expect(s.saveMeta({ ...s.meta, edition: '晚报版' })).rejects.toMatchObject({ kind: 'conflict' });
      await s.checkForChanges();
      expect(metaEvents(events)).toHaveLength(1);
      expect(s.meta.issueNumber).toBe('第 8 期');
    } finally {
      await s.close();
    }
  });
});

describe('own saves of a story', () => {
  it('two saves of one story asked at once run one after the other, and neither is reported as a colleague’s', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { pollMs: 5, onEvent: (e) => events.push(e) });
    try {
      await s.edit({ ...s.savedStory('a1')!, slug: '第一稿' });
      const first = s.save('a1');
      await s.edit({ ...s.savedStory('a1')!, slug: '第二稿' });
      const second = s.save('a1');
      const [a, b] = await Promise.all([first, second]);
      expect([a.status, b.status]).toEqual(['saved', 'unchanged']);
      // The first save, run when its turn came, took the latest draft.
      expect(s.savedStory('a1')!.slug).toBe('第二稿');
      await settle(300);
      await s.checkForChanges();
      expect(events.filter((e) => e.type === 'storyChanged' || e.type === 'conflict')).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
