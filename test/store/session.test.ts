// The editing session: autosave journal within the interval, crash recovery offered on the next open,
// colleagues' saves appearing without reopening, and conflicts keeping both versions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IssueSession, nodeFs, openIssue, pidAlive, saveStory, type SessionEvent } from '../../src/main/store';
import { cleanupTemp, envWith, makeIssue, tempDir } from './helpers';

afterAll(cleanupTemp);

const until = async (cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('autosave and crash recovery', () => {
  it('journals edits while typing goes on (the clock is not pushed back by each keystroke), and clears the journal on save', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const s = await IssueSession.open(dir, { watch: false, autosaveMs: 100 });
    const journal = path.join(dir, '.yeban/journal/a1.json');
    try {
      // An edit every 30 ms for much longer than the interval: a debounce would never fire.
      let journaledWhileTyping = false;
      for (let i = 0; i < 40 && !journaledWhileTyping; i++) {
        await s.edit({ ...s.savedStory('a1')!, slug: `第${i}稿` });
        await new Promise((r) => setTimeout(r, 30));
        journaledWhileTyping = existsSync(journal);
      }
      expect(journaledWhileTyping).toBe(true);
      expect(JSON.parse(readFileSync(journal, 'utf8')).story.slug).toMatch(/^第\d+稿$/);
      const r = await s.save('a1');
      expect(r.status).toBe('saved');
      expect(existsSync(journal)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('the autosave interval is at most 2 s, whatever is asked for', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const s = await IssueSession.open(dir, { watch: false, autosaveMs: 60_000 });
    const d = await IssueSession.open(dir, { watch: false, readOnly: true });
    try {
      expect(s.autosaveIntervalMs).toBe(2000);
      expect(d.autosaveIntervalMs).toBe(2000);
      await s.edit({ ...s.savedStory('a1')!, slug: '改' });
      await until(() => existsSync(path.join(dir, '.yeban/journal/a1.json')), 10_000);
    } finally {
      await s.close();
      await d.close();
    }
  });

  it('after a crash the next open offers recovery, and applying it restores the unsaved text', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1', 'b2']);
    // The editor that crashes ran as a process that is gone now: its lock is stale at once.
    let deadPid = 3_999_999;
    while (pidAlive(deadPid)) deadPid--;
    const s = await IssueSession.open(dir, { watch: false, autosaveMs: 50, env: envWith({ pid: deadPid }) });
    await s.edit({ ...s.savedStory('a1')!, slug: '未保存的修改' });
    await s.flushJournal();
    // No close(): the editor "crashed", leaving its journal and its lock behind.
    const o = await openIssue(dir);
    expect(o.recovery).toEqual([expect.objectContaining({ storyId: 'a1', slug: '未保存的修改', baseRevision: 1, currentRevision: 1 })]);
    expect(o.stories.a1!.slug).toBe('稿件a1');
    const s2 = await IssueSession.open(dir, { watch: false });
    try {
      const story = await s2.recover('a1');
      expect(story.slug).toBe('未保存的修改');
      expect((await s2.save('a1')).status).toBe('saved');
      expect((await openIssue(dir)).recovery).toEqual([]);
      expect((await openIssue(dir)).stories.a1!.slug).toBe('未保存的修改');
    } finally {
      await s2.close();
      await s.close();
    }
  });

  it('journal writes land in the order they were made: a slow earlier write never rolls the journal back', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    // The first journal write is held just before its rename, as a slow disk would hold it.
    let hold: (() => void) | null = null;
    let held = false;
    const fs = {
      ...nodeFs,
      async rename(a: string, b: string) {
        if (!held && b.endsWith(`${path.sep}journal${path.sep}a1.json`)) {
          held = true;
          await new Promise<void>((r) => (hold = r));
        }
        return nodeFs.rename(a, b);
      },
    };
    const s = await IssueSession.open(dir, { env: envWith({ fs }), watch: false, autosaveMs: 60_000 });
    try {
      await s.edit({ ...s.savedStory('a1')!, slug: '第一稿' });
      const first = s.flushJournal();
      await until(() => held);
      await s.edit({ ...s.savedStory('a1')!, slug: '第二稿' });
      const second = s.flushJournal();
      await new Promise((r) => setTimeout(r, 50));
      hold!();
      await Promise.all([first, second]);
      expect(JSON.parse(readFileSync(path.join(dir, '.yeban/journal/a1.json'), 'utf8')).story.slug).toBe('第二稿');
      // A save waits for a journal write under way, and clears the journal after it.
      await s.edit({ ...s.savedStory('a1')!, slug: '第三稿' });
      await Promise.all([s.flushJournal(), s.save('a1')]);
      expect(existsSync(path.join(dir, '.yeban/journal/a1.json'))).toBe(false);
      expect(s.savedStory('a1')!.slug).toBe('第三稿');
    } finally {
      await s.close();
    }
  });

  it('a journal entry identical to the saved story is not offered', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const s = await IssueSession.open(dir, { watch: false });
    await s.edit({ ...s.savedStory('a1')! });
    await s.flushJournal();
    expect((await openIssue(dir)).recovery).toEqual([]);
    await s.close();
  });
});

describe('colleagues’ saves', () => {
  it('a colleague’s save appears without reopening', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1', 'b2']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { pollMs: 100, onEvent: (e) => events.push(e) });
    try {
      const colleague = envWith({ user: '刘春雷', host: 'desk-7' });
      const cur = (await openIssue(dir)).stories.b2!;
      await saveStory(dir, { ...cur, slug: '同事改过' }, { env: colleague, baseRevision: cur.revision });
      await until(() => s.savedStory('b2')?.slug === '同事改过');
      expect(events).toContainEqual(expect.objectContaining({ type: 'storyChanged', storyId: 'b2', revision: 2 }));
    } finally {
      await s.close();
    }
  });

  it('a colleague’s save never overwrites local unsaved edits: both versions go to .yeban/conflicts', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { pollMs: 100, onEvent: (e) => events.push(e) });
    try {
      await s.edit({ ...s.savedStory('a1')!, slug: '我的修改' });
      const cur = (await openIssue(dir)).stories.a1!;
      await saveStory(dir, { ...cur, slug: '同事的修改' }, { env: envWith({ user: '刘春雷' }), baseRevision: cur.revision });
      await until(() => events.some((e) => e.type === 'conflict'));
      const c = events.find((e) => e.type === 'conflict');
      if (c?.type !== 'conflict') throw new Error('no conflict');
      expect(c.message).toContain('两个版本都保存在');
      const folder = path.join(dir, c.folder);
      expect(JSON.parse(readFileSync(path.join(folder, 'mine.json'), 'utf8')).slug).toBe('我的修改');
      expect(JSON.parse(readFileSync(path.join(folder, 'theirs.json'), 'utf8')).slug).toBe('同事的修改');
      // The local draft is untouched, and saving it is refused as a conflict rather than overwriting theirs.
      expect((await s.storyState('a1')).story.slug).toBe('我的修改');
      const r = await s.save('a1');
      expect(r.status).toBe('conflict');
      expect((await openIssue(dir)).stories.a1!.slug).toBe('同事的修改');
      // The editor decides: keep mine.
      const k = await s.resolveConflict('a1', 'mine');
      expect(k.status).toBe('saved');
      expect((await openIssue(dir)).stories.a1!.slug).toBe('我的修改');
      expect(readdirSync(path.join(dir, '.yeban/conflicts')).length).toBeGreaterThanOrEqual(1);
    } finally {
      await s.close();
    }
  });

  it('an edit begun before a colleague’s save landed is still a conflict, even when the session saw their save first', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const s = await IssueSession.open(dir, { pollMs: 100 });
    try {
      const loaded = s.savedStory('a1')!; // what the editor opened: revision 1
      const colleague = envWith({ user: '王编辑', host: 'desk-2' });
      await saveStory(dir, { ...loaded, slug: '同事改过' }, { env: colleague, baseRevision: loaded.revision });
      await until(() => s.savedStory('a1')?.slug === '同事改过');
      // The editor's first edit arrives only now, still based on the revision it loaded.
      await s.edit({ ...loaded, slug: '我的修改' });
      const r = await s.save('a1');
      expect(r.status).toBe('conflict');
      expect((await openIssue(dir, { readOnly: true })).stories.a1!.slug).toBe('同事改过');
    } finally {
      await s.close();
    }
  });

  it('taking theirs drops the local draft', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const s = await IssueSession.open(dir, { watch: false });
    try {
      await s.edit({ ...s.savedStory('a1')!, slug: '我的修改' });
      const cur = (await openIssue(dir)).stories.a1!;
      await saveStory(dir, { ...cur, slug: '同事的修改' }, { env: envWith({ user: '刘春雷' }), baseRevision: cur.revision });
      expect((await s.save('a1')).status).toBe('conflict');
      await s.resolveConflict('a1', 'theirs');
      expect(s.isDirty('a1')).toBe(false);
      expect((await s.storyState('a1')).story.slug).toBe('同事的修改');
    } finally {
      await s.close();
    }
  });

  it('a colleague breaking a story file is reported, not loaded', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const events: SessionEvent[] = [];
    const s = await IssueSession.open(dir, { pollMs: 100, onEvent: (e) => events.push(e) });
    try {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(dir, 'stories/a1.json'), '{"id": "a1"');
      await until(() => events.some((e) => e.type === 'fileProblem'));
      expect(s.savedStory('a1')!.slug).toBe('稿件a1');
    } finally {
      await s.close();
    }
  });

  it('a newer-format issue opens read-only and refuses edits with the reason', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const { writeFileSync } = await import('node:fs');
    const meta = JSON.parse(readFileSync(path.join(dir, 'issue.json'), 'utf8'));
    writeFileSync(path.join(dir, 'issue.json'), JSON.stringify({ ...meta, schemaVersion: 2 }));
    const s = await IssueSession.open(dir, { watch: false });
    try {
      expect(s.readOnly).toBe(true);
      await expect(s.edit({ ...s.savedStory('a1')!, slug: 'x' })).rejects.toMatchObject({ kind: 'newer', message: expect.stringContaining('只读') });
    } finally {
      await s.close();
    }
  });
});

describe('page locks', () => {
  it('changing a page’s frames takes its lock; someone else holding it gets refused with the name', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), ['a1']);
    const a = await IssueSession.open(dir, { watch: false, env: envWith({ user: '刘春雷', host: 'desk-7', pid: 4242 }) });
    const b = await IssueSession.open(dir, { watch: false, env: envWith({ user: '万众' }) });
    try {
      const frame = { kind: 'text' as const, id: 'f1', storyId: 'a1', col: 0, span: 2, line: 0, lines: 20, columns: null, threadIndex: 0 };
      const pages = a.meta.pages.map((p, i) => (i === 0 ? { ...p, frames: [frame] } : p));
      await a.saveMeta({ ...a.meta, pages });
      expect(a.holds({ kind: 'page', id: a.meta.pages[0]!.id })).toBe(true);
      await b.checkForChanges();
      const pages2 = b.meta.pages.map((p, i) => (i === 0 ? { ...p, frames: [] } : p));
      await expect(b.saveMeta({ ...b.meta, pages: pages2 })).rejects.toThrow(/版面「p01」正由 刘春雷（desk-7）编辑/);
      // Another page is free.
      const pages3 = b.meta.pages.map((p, i) => (i === 1 ? { ...p, name: '要闻' } : p));
      await b.saveMeta({ ...b.meta, pages: pages3 });
      expect((await openIssue(dir)).meta.pages[1]!.name).toBe('要闻');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
