// Locks (c): two real processes contend for one story lock; a dead holder's lock is taken over at once on
// the same machine, a silent one after 60 s; every takeover is recorded; others get the holder's name.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireLock, heartbeat, IssueSession, listLocks, listTakeovers, newLockToken, releaseLock, STALE_MS, defaultEnv,
} from '../../src/main/store';
import { buildChild } from './children/build';
import { cleanupTemp, envWith, makeIssue, tempDir } from './helpers';

let child = '';
const running = new Set<ChildProcessWithoutNullStreams>();
beforeAll(async () => {
  child = await buildChild('locker');
});
afterAll(() => {
  for (const p of running) p.kill('SIGKILL');
  rmSync(child, { force: true });
  cleanupTemp();
});

interface Outcome { pid: number; user: string; ok: boolean; holder?: { user: string; host: string; pid: number }; message?: string; tookOver?: { user: string; pid: number; why: string } | null }

function locker(dir: string, user: string, at: number, target = { kind: 'story', id: 'a1' }): { proc: ChildProcessWithoutNullStreams; outcome: Promise<Outcome>; next: () => Promise<unknown> } {
  const proc = spawn(process.execPath, [child, dir, target.kind, target.id, String(at), '100'], { env: { ...process.env, YEBAN_USER: user } });
  running.add(proc);
  proc.on('close', () => running.delete(proc));
  const lines: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  let buf = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += String(d); });
  proc.stdout.on('data', (d) => {
    buf += String(d);
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const next = (): Promise<unknown> => new Promise((resolve, reject) => {
    const l = lines.shift();
    if (l !== undefined) return resolve(JSON.parse(l));
    const timer = setTimeout(() => reject(new Error(`locker ${user} said nothing: ${err}`)), 20_000);
    waiters.push((line) => { clearTimeout(timer); resolve(JSON.parse(line)); });
  });
  return { proc, outcome: next() as Promise<Outcome>, next };
}

const killAndWait = (p: ChildProcessWithoutNullStreams): Promise<void> => new Promise((r) => { p.on('close', () => r()); p.kill('SIGKILL'); });

describe('two processes contending for one story lock', () => {
  it('exactly one wins each round; the other is told who holds it', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), ['a1']);
    for (let round = 0; round < 8; round++) {
      const at = Date.now() + 1500;
      const a = locker(dir, '刘春雷', at);
      const b = locker(dir, '万众', at);
      const [ra, rb] = await Promise.all([a.outcome, b.outcome]);
      expect([ra.ok, rb.ok].filter(Boolean), `round ${round}`).toHaveLength(1);
      const [win, lose] = ra.ok ? [ra, rb] : [rb, ra];
      expect(lose.holder!.user).toBe(win.user);
      expect(lose.holder!.pid).toBe(win.pid);
      expect(lose.message).toContain(`正由 ${win.user}`);
      const winner = ra.ok ? a : b;
      winner.proc.stdin.write('release\n');
      expect(await winner.next()).toEqual({ released: true });
      await Promise.all([killAndWait(a.proc), killAndWait(b.proc)]);
    }
    expect(await listLocks(defaultEnv(), dir)).toEqual([]);
  });

  it('a holder killed with SIGKILL is taken over at once on the same machine, and the takeover is recorded', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), ['a1']);
    const a = locker(dir, '刘春雷', 0);
    const ra = await a.outcome;
    expect(ra.ok).toBe(true);
    const b = locker(dir, '万众', 0);
    const rb = await b.outcome;
    expect(rb.ok).toBe(false);
    expect(rb.holder!.user).toBe('刘春雷');
    await killAndWait(b.proc);
    await killAndWait(a.proc);
    const c = locker(dir, '万众', 0);
    const rc = await c.outcome;
    expect(rc.ok).toBe(true);
    expect(rc.tookOver).toMatchObject({ user: '刘春雷', pid: ra.pid });
    expect(rc.tookOver!.why).toContain('已退出');
    const log = await listTakeovers(defaultEnv(), dir);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'story', id: 'a1', by: { user: '万众', pid: rc.pid }, from: { user: '刘春雷', pid: ra.pid } });
    await killAndWait(c.proc);
  });

  it('two processes taking over the same dead lock at the same moment: one wins', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), ['a1']);
    for (let round = 0; round < 6; round++) {
      const dead = locker(dir, '已下班', 0);
      expect((await dead.outcome).ok).toBe(true);
      await killAndWait(dead.proc);
      const at = Date.now() + 1500;
      const a = locker(dir, '刘春雷', at);
      const b = locker(dir, '万众', at);
      const [ra, rb] = await Promise.all([a.outcome, b.outcome]);
      expect([ra.ok, rb.ok].filter(Boolean), `round ${round}`).toHaveLength(1);
      const win = ra.ok ? ra : rb;
      expect(win.tookOver?.user).toBe('已下班');
      await Promise.all([killAndWait(a.proc), killAndWait(b.proc)]);
    }
    expect((await listTakeovers(defaultEnv(), dir)).length).toBeGreaterThanOrEqual(6);
  });
});

describe('lock timings (injected clock)', () => {
  const other = { host: 'desk-7', pid: 4242 };

  it('a lock from another machine is honoured until 60 s without a heartbeat, then taken over', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), ['a1']);
    let now = Date.parse('2024-03-08T20:00:00Z');
    const them = envWith({ now: () => now, user: '刘春雷', ...other });
    const me = envWith({ now: () => now, user: '万众' });
    const theirToken = newLockToken();
    expect((await acquireLock(them, dir, { kind: 'page', id: 'p01' }, theirToken)).ok).toBe(true);
    now += 50_000;
    const denied = await acquireLock(me, dir, { kind: 'page', id: 'p01' }, newLockToken());
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.message).toBe('版面「p01」正由 刘春雷（desk-7）编辑，只能只读打开');
    // Their heartbeat keeps it alive past the first 60 s …
    expect(await heartbeat(them, dir, { kind: 'page', id: 'p01' }, theirToken)).toBe(true);
    now += 50_000;
    expect((await acquireLock(me, dir, { kind: 'page', id: 'p01' }, newLockToken())).ok).toBe(false);
    // … and 60 s of silence makes it stale (a pid on another machine says nothing about liveness here).
    now += STALE_MS + 1;
    const mine = newLockToken();
    const took = await acquireLock(me, dir, { kind: 'page', id: 'p01' }, mine);
    expect(took.ok && took.tookOver).toMatchObject({ user: '刘春雷', host: 'desk-7', why: expect.stringContaining('没有心跳') });
    // The old holder learns it lost the lock at its next heartbeat and cannot release ours.
    expect(await heartbeat(them, dir, { kind: 'page', id: 'p01' }, theirToken)).toBe(false);
    expect(await releaseLock(them, dir, { kind: 'page', id: 'p01' }, theirToken)).toBe(false);
    expect(await releaseLock(me, dir, { kind: 'page', id: 'p01' }, mine)).toBe(true);
  });

  it('a session reports a lost lock, and another session sees the story read-only with the holder’s name', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), ['a1']);
    let now = Date.now();
    const a = await IssueSession.open(dir, { env: envWith({ now: () => now, user: '刘春雷', host: 'desk-7', pid: 4242 }), watch: false });
    const b = await IssueSession.open(dir, { env: envWith({ now: () => now, user: '万众' }), watch: false });
    try {
      await a.edit({ ...a.savedStory('a1')!, slug: '刘的修改' });
      const st = await b.storyState('a1');
      expect(st.readOnlyReason).toBe('稿件「a1」正由 刘春雷（desk-7）编辑，只能只读打开');
      await expect(b.edit({ ...b.savedStory('a1')!, slug: '万的修改' })).rejects.toMatchObject({ kind: 'locked' });
      now += STALE_MS + 1000;
      await b.edit({ ...b.savedStory('a1')!, slug: '万的修改' });
      await a.beat();
      const lost = a.drainEvents().find((e) => e.type === 'lockLost');
      expect(lost).toMatchObject({ type: 'lockLost', target: { kind: 'story', id: 'a1' }, holder: { user: '万众' } });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a damaged lock file is taken over once it is clearly not being written', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), ['a1']);
    mkdirSync(path.join(dir, '.yeban/locks'), { recursive: true });
    writeFileSync(path.join(dir, '.yeban/locks/story-a1.lock'), '{"kind": "sto');
    const later = envWith({ now: () => Date.now() + 5000 });
    const r = await acquireLock(later, dir, { kind: 'story', id: 'a1' }, newLockToken());
    expect(r.ok && r.tookOver?.why).toBe('锁文件已损坏');
    expect(JSON.parse(readFileSync(path.join(dir, '.yeban/locks/story-a1.lock'), 'utf8')).user).toBe(later.user);
  });

  it('lock ids that would make a path are refused', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'lock.yeban'), []);
    await expect(acquireLock(defaultEnv(), dir, { kind: 'story', id: '../x' }, newLockToken())).rejects.toThrow();
  });
});
