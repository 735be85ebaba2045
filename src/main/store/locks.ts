import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from './atomic';
import { StoreError, ioError } from './errors';
import { errnoCode } from './fs-port';
import { LOCKS_DIR, insidePath } from './paths';
import { serialize, type StoreEnv } from './env';

/**
 * Locks for shared drives (DESIGN.md §4): one file per story or page under .yeban/locks/, created with
 * O_EXCL so only one person gets it. The holder rewrites its heartbeat every 10 s; a lock is stale after
 * 60 s without one, or at once when its holder ran on this machine and that process is gone. Taking over a
 * stale lock goes through a short-lived takeover folder (mkdir is atomic everywhere, network drives too),
 * so two people cannot both take over the same stale lock; every takeover is written to takeovers.jsonl.
 */
export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 60_000;
/** A takeover folder left by a crashed process is ignored after this long. */
const TAKEOVER_STALE_MS = 10_000;

/** Page ids are free-form in the model; a lock file name takes only these characters. */
export const LockIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '锁对象编号只能由字母、数字、下划线和连字符组成');
export const LockTargetSchema = z.object({ kind: z.enum(['story', 'page']), id: LockIdSchema });
export type LockTarget = z.infer<typeof LockTargetSchema>;

export const LockRecordSchema = z.object({
  kind: z.enum(['story', 'page']),
  id: z.string(),
  user: z.string(),
  host: z.string(),
  pid: z.number().int(),
  token: z.string(),
  acquiredAt: z.string(),
  heartbeatAt: z.string(),
  takenOverFrom: z.object({ user: z.string(), host: z.string(), pid: z.number().int(), heartbeatAt: z.string(), why: z.string() }).nullable().default(null),
});
export type LockRecord = z.infer<typeof LockRecordSchema>;

export interface LockInfo {
  kind: 'story' | 'page';
  id: string;
  user: string;
  host: string;
  pid: number;
  heartbeatAt: string;
  stale: boolean;
  staleReason: string | null;
  mine: boolean;
}

export type AcquireResult =
  | { ok: true; lock: LockRecord; tookOver: LockRecord['takenOverFrom'] }
  | { ok: false; holder: LockInfo; message: string };

const lockRel = (t: LockTarget): string => `${LOCKS_DIR}/${t.kind}-${LockIdSchema.parse(t.id)}.lock`;

async function readLock(env: StoreEnv, file: string): Promise<LockRecord | null | 'damaged'> {
  let raw: Buffer;
  try {
    raw = await env.fs.readFile(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const r = LockRecordSchema.safeParse(JSON.parse(raw.toString('utf8')));
    return r.success ? r.data : 'damaged';
  } catch {
    return 'damaged';
  }
}

export function staleness(env: StoreEnv, rec: LockRecord): string | null {
  const age = env.now() - Date.parse(rec.heartbeatAt);
  if (!(age <= STALE_MS)) return `${Math.round(age / 1000)} 秒没有心跳`;
  if (rec.host === env.host && rec.pid !== env.pid && !env.pidAlive(rec.pid)) return `持有进程 ${rec.pid} 已退出`;
  return null;
}

function info(env: StoreEnv, rec: LockRecord, token: string | null): LockInfo {
  const why = staleness(env, rec);
  return { kind: rec.kind, id: rec.id, user: rec.user, host: rec.host, pid: rec.pid, heartbeatAt: rec.heartbeatAt, stale: why !== null, staleReason: why, mine: token !== null && rec.token === token };
}

export function holderMessage(h: Pick<LockInfo, 'kind' | 'id' | 'user' | 'host'>): string {
  return `${h.kind === 'story' ? '稿件' : '版面'}「${h.id}」正由 ${h.user}（${h.host}）编辑，只能只读打开`;
}

function newRecord(env: StoreEnv, t: LockTarget, token: string, from: LockRecord['takenOverFrom']): LockRecord {
  const at = new Date(env.now()).toISOString();
  return { kind: t.kind, id: t.id, user: env.user, host: env.host, pid: env.pid, token, acquiredAt: at, heartbeatAt: at, takenOverFrom: from };
}

export function newLockToken(): string {
  return randomBytes(12).toString('hex');
}

/** Try to take the lock; `token` identifies this holder (one per open session). */
export async function acquireLock(env: StoreEnv, root: string, target: LockTarget, token: string): Promise<AcquireResult> {
  const t = LockTargetSchema.parse(target);
  const rel = lockRel(t);
  const file = insidePath(root, rel);
  try {
    await env.fs.mkdir(path.join(root, LOCKS_DIR));
  } catch (e) {
    throw ioError(LOCKS_DIR, '创建锁文件夹', e);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const rec = newRecord(env, t, token, null);
    try {
      const h = await env.fs.open(file, 'write-exclusive');
      try {
        await h.write(Buffer.from(serialize(rec)));
        await h.sync();
      } finally {
        await h.close().catch(() => undefined);
      }
      return { ok: true, lock: rec, tookOver: null };
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') throw ioError(rel, '加锁', e);
    }
    const cur = await readLock(env, file).catch((e: unknown) => { throw ioError(rel, '读取锁', e); });
    if (cur === null) continue; // released meanwhile: try again
    if (cur !== 'damaged' && cur.token === token) return { ok: true, lock: cur, tookOver: null };
    // A lock file another process is still writing can read as damaged for an instant: judge it by age.
    const why = cur === 'damaged' ? await damagedStaleness(env, file) : staleness(env, cur);
    if (why === null) {
      if (cur === 'damaged') { await sleep(50); continue; }
      const holder = info(env, cur, token);
      return { ok: false, holder, message: holderMessage(holder) };
    }
    const took = await takeOver(env, root, file, rel, t, token, cur, why);
    if (took) return took;
  }
  const cur = await readLock(env, file).catch(() => null);
  if (cur && cur !== 'damaged') {
    const holder = info(env, cur, token);
    return { ok: false, holder, message: holderMessage(holder) };
  }
  throw new StoreError('locked', rel, '无法取得锁（锁文件反复变化），请稍后再试');
}

async function damagedStaleness(env: StoreEnv, file: string): Promise<string | null> {
  try {
    const st = await env.fs.stat(file);
    return env.now() - st.mtimeMs > 2000 ? '锁文件已损坏' : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function takeOver(
  env: StoreEnv, root: string, file: string, rel: string, t: LockTarget, token: string, seen: LockRecord | 'damaged', why: string,
): Promise<AcquireResult | null> {
  const gate = `${file}.takeover`;
  try {
    await env.fs.mkdir(gate);
  } catch (e) {
    throw ioError(rel, '接管锁', e);
  }
  // mkdir with recursive succeeds when the folder exists, so exclusivity comes from a marker created with O_EXCL.
  const marker = path.join(gate, 'owner');
  try {
    const h = await env.fs.open(marker, 'write-exclusive');
    await h.write(Buffer.from(`${env.host} ${env.pid} ${token}`));
    await h.close();
  } catch (e) {
    if (errnoCode(e) !== 'EEXIST') throw ioError(rel, '接管锁', e);
    // Someone is taking over right now, or died doing it (same rules as for the lock itself).
    const st = await env.fs.stat(marker).catch(() => null);
    const [host, pidText] = (await env.fs.readFile(marker).catch(() => Buffer.from(''))).toString('utf8').split(' ');
    const deadHere = host === env.host && Number(pidText) > 0 && Number(pidText) !== env.pid && !env.pidAlive(Number(pidText));
    // An empty marker is a process that died between creating it and writing its name.
    const age = st ? env.now() - st.mtimeMs : 0;
    if (deadHere || age > TAKEOVER_STALE_MS || (!host && age > 1000)) await env.fs.unlink(marker).catch(() => undefined);
    else await sleep(20);
    return null;
  }
  try {
    // Re-read under the gate: only replace the very lock judged stale.
    const cur = await readLock(env, file);
    const same = cur === 'damaged' ? seen === 'damaged' : cur !== null && seen !== 'damaged' && cur.token === seen.token;
    if (!same) return null;
    const from = seen === 'damaged'
      ? { user: '未知', host: '未知', pid: 0, heartbeatAt: '', why }
      : { user: seen.user, host: seen.host, pid: seen.pid, heartbeatAt: seen.heartbeatAt, why };
    const rec = newRecord(env, t, token, from);
    await writeFileAtomic(env.fs, file, serialize(rec), rel);
    const log = { at: rec.acquiredAt, kind: t.kind, id: t.id, by: { user: env.user, host: env.host, pid: env.pid }, from };
    await env.fs.appendFile(path.join(root, LOCKS_DIR, 'takeovers.jsonl'), JSON.stringify(log) + '\n').catch(() => undefined);
    return { ok: true, lock: rec, tookOver: from };
  } finally {
    await env.fs.unlink(marker).catch(() => undefined);
  }
}

/** Refresh the heartbeat; false when the lock is no longer ours (taken over or removed). */
export async function heartbeat(env: StoreEnv, root: string, target: LockTarget, token: string): Promise<boolean> {
  const rel = lockRel(target);
  const file = insidePath(root, rel);
  const cur = await readLock(env, file).catch(() => null);
  if (!cur || cur === 'damaged' || cur.token !== token) return false;
  const next = { ...cur, heartbeatAt: new Date(env.now()).toISOString() };
  await writeFileAtomic(env.fs, file, serialize(next), rel);
  return true;
}

export async function releaseLock(env: StoreEnv, root: string, target: LockTarget, token: string): Promise<boolean> {
  const rel = lockRel(target);
  const file = insidePath(root, rel);
  const cur = await readLock(env, file).catch(() => null);
  if (!cur || cur === 'damaged' || cur.token !== token) return false;
  try {
    await env.fs.unlink(file);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw ioError(rel, '解锁', e);
  }
  return true;
}

export async function readLockInfo(env: StoreEnv, root: string, target: LockTarget, token: string | null = null): Promise<LockInfo | null> {
  const cur = await readLock(env, insidePath(root, lockRel(target))).catch(() => null);
  return cur && cur !== 'damaged' ? info(env, cur, token) : null;
}

export async function listLocks(env: StoreEnv, root: string, token: string | null = null): Promise<LockInfo[]> {
  let names: string[];
  try {
    names = await env.fs.readdir(path.join(root, LOCKS_DIR));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return [];
    throw ioError(LOCKS_DIR, '读取锁', e);
  }
  const out: LockInfo[] = [];
  for (const n of names.sort()) {
    if (!n.endsWith('.lock')) continue;
    const cur = await readLock(env, path.join(root, LOCKS_DIR, n)).catch(() => null);
    if (cur && cur !== 'damaged') out.push(info(env, cur, token));
  }
  return out;
}

export interface TakeoverRecord {
  at: string;
  kind: 'story' | 'page';
  id: string;
  by: { user: string; host: string; pid: number };
  from: NonNullable<LockRecord['takenOverFrom']>;
}

export async function listTakeovers(env: StoreEnv, root: string): Promise<TakeoverRecord[]> {
  try {
    const raw = (await env.fs.readFile(path.join(root, LOCKS_DIR, 'takeovers.jsonl'))).toString('utf8');
    return raw.split('\n').filter(Boolean).flatMap((l) => {
      try {
        return [JSON.parse(l) as TakeoverRecord];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}
