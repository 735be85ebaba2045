import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic, writeFileOnce } from './atomic';
import { StoreError, ioError } from './errors';
import { errnoCode, type FsPort } from './fs-port';
import { HISTORY_DIR, insidePath } from './paths';
import type { StoreEnv } from './env';

/**
 * History: file contents are kept once each under objects/<sha256> and snapshots name which content each
 * file had. A 'full' snapshot lists every good file of the issue; a 'delta' lists only what one save
 * changed. The state at snapshot S is the latest full snapshot at or before S with the deltas after it
 * applied in order: that makes a save cost one small manifest, not a copy of the issue.
 */
export const SnapshotSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['full', 'delta']),
  reason: z.string(),
  user: z.string(),
  host: z.string(),
  /** Issue-relative path → sha256 of the content. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export interface SnapshotInfo {
  id: string;
  at: string;
  kind: 'full' | 'delta';
  reason: string;
  user: string;
  files: string[];
}

const OBJECTS = `${HISTORY_DIR}/objects`;
const SNAPSHOTS = `${HISTORY_DIR}/snapshots`;

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

let counter = 0;
function snapshotId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  counter = (counter + 1) % 100000;
  return `${stamp}-${String(counter).padStart(5, '0')}-${process.pid.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function ensureHistoryDirs(fs: FsPort, root: string): Promise<void> {
  await fs.mkdir(path.join(root, OBJECTS));
  await fs.mkdir(path.join(root, SNAPSHOTS));
}

/**
 * Record the given file contents as one snapshot; returns its id. A snapshot of what was just saved need not
 * be durable (the saved file itself is, and a torn history object fails its hash check); one holding the only
 * copy of something (content about to be replaced) must be.
 */
export async function recordSnapshot(
  env: StoreEnv, root: string, kind: 'full' | 'delta', reason: string, files: ReadonlyArray<{ rel: string; bytes: Uint8Array }>,
  durable = true,
): Promise<string> {
  const { fs } = env;
  try {
    await ensureHistoryDirs(fs, root);
  } catch (e) {
    throw ioError(HISTORY_DIR, '创建历史文件夹', e);
  }
  const map: Record<string, string> = {};
  for (const f of files) {
    const sha = sha256(f.bytes);
    map[f.rel] = sha;
    await writeFileOnce(fs, path.join(root, OBJECTS, sha), f.bytes, `${OBJECTS}/${sha}`, { durable });
  }
  const now = env.now();
  const snap: Snapshot = { id: snapshotId(now), at: new Date(now).toISOString(), kind, reason, user: env.user, host: env.host, files: map };
  await writeFileAtomic(fs, path.join(root, SNAPSHOTS, `${snap.id}.json`), JSON.stringify(snap), `${SNAPSHOTS}/${snap.id}.json`, { durable });
  return snap.id;
}

export async function hasObject(fs: FsPort, root: string, sha: string): Promise<boolean> {
  try {
    await fs.stat(path.join(root, OBJECTS, sha));
    return true;
  } catch {
    return false;
  }
}

/** All readable snapshots, oldest first. A damaged manifest is skipped (it never blocks restoring others). */
export async function loadSnapshots(fs: FsPort, root: string): Promise<Snapshot[]> {
  let names: string[];
  try {
    names = await fs.readdir(path.join(root, SNAPSHOTS));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return [];
    throw ioError(SNAPSHOTS, '读取历史', e);
  }
  names = names.filter((n) => n.endsWith('.json')).sort();
  const out: Snapshot[] = [];
  await Promise.all(names.map(async (n, i) => {
    try {
      const r = SnapshotSchema.safeParse(JSON.parse((await fs.readFile(path.join(root, SNAPSHOTS, n))).toString('utf8')));
      if (r.success && `${r.data.id}.json` === n) out[i] = r.data;
    } catch {
      // unreadable manifest: skipped
    }
  }));
  return out.filter(Boolean);
}

export async function listSnapshots(fs: FsPort, root: string): Promise<SnapshotInfo[]> {
  const snaps = await loadSnapshots(fs, root);
  return snaps.reverse().map((s) => ({ id: s.id, at: s.at, kind: s.kind, reason: s.reason, user: s.user, files: Object.keys(s.files).sort() }));
}

/** The content of every file as of snapshot `id` (issue-relative path → sha256). */
export function stateAt(snaps: readonly Snapshot[], id: string): Map<string, string> {
  const idx = snaps.findIndex((s) => s.id === id);
  if (idx < 0) throw new StoreError('missing', `${SNAPSHOTS}/${id}.json`, '没有这个历史快照');
  let base = 0;
  for (let i = idx; i >= 0; i--) {
    if (snaps[i]!.kind === 'full') { base = i; break; }
  }
  const state = new Map<string, string>();
  for (let i = base; i <= idx; i++) for (const [rel, sha] of Object.entries(snaps[i]!.files)) state.set(rel, sha);
  return state;
}

/** Newest snapshot holding a good copy of `rel`, for the "last good snapshot" offered with a broken file. */
export async function lastGoodSnapshot(fs: FsPort, root: string, rel: string): Promise<string | null> {
  const snaps = await loadSnapshots(fs, root).catch(() => [] as Snapshot[]);
  for (let i = snaps.length - 1; i >= 0; i--) if (snaps[i]!.files[rel]) return snaps[i]!.id;
  return null;
}

export async function readObject(fs: FsPort, root: string, sha: string): Promise<Buffer> {
  const rel = `${OBJECTS}/${sha}`;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(insidePath(root, rel));
  } catch (e) {
    throw ioError(rel, '读取历史内容', e);
  }
  if (sha256(bytes) !== sha) throw new StoreError('invalid', rel, '历史内容已损坏（校验值不符）');
  return bytes;
}

export interface PrunePolicy {
  /** The newest snapshots kept whatever their kind. */
  keepRecent: number;
  /** Full snapshots kept beyond the recent ones. */
  keepFull: number;
  /**
   * Contents younger than this are kept even if no snapshot names them yet: a save on another machine may
   * have written its content and not yet its snapshot.
   */
  graceMs?: number;
}
export const DEFAULT_PRUNE: PrunePolicy = { keepRecent: 200, keepFull: 48, graceMs: 10 * 60_000 };

/**
 * Drop old snapshots and the contents nothing refers to any more. Every kept snapshot must stay restorable,
 * so all snapshots from the full one that the oldest recent snapshot builds on are kept.
 */
export async function pruneHistory(fs: FsPort, root: string, policy: PrunePolicy = DEFAULT_PRUNE): Promise<{ removedSnapshots: number; removedObjects: number }> {
  const snaps = await loadSnapshots(fs, root);
  if (snaps.length <= policy.keepRecent) return { removedSnapshots: 0, removedObjects: 0 };
  let cut = snaps.length - policy.keepRecent;
  while (cut > 0 && snaps[cut]!.kind !== 'full') cut--;
  const older = snaps.slice(0, cut);
  const keptOlderFull = new Set(older.filter((s) => s.kind === 'full').slice(-policy.keepFull).map((s) => s.id));
  const remove = older.filter((s) => !keptOlderFull.has(s.id));
  for (const s of remove) await fs.unlink(path.join(root, SNAPSHOTS, `${s.id}.json`)).catch(() => undefined);
  const removedIds = new Set(remove.map((s) => s.id));
  const live = new Set<string>();
  for (const s of snaps) if (!removedIds.has(s.id)) for (const sha of Object.values(s.files)) live.add(sha);
  let removedObjects = 0;
  let objects: string[] = [];
  try {
    objects = await fs.readdir(path.join(root, OBJECTS));
  } catch {
    objects = [];
  }
  const grace = policy.graceMs ?? 0;
  for (const o of objects) {
    if (/^[0-9a-f]{64}$/.test(o) && !live.has(o)) {
      const file = path.join(root, OBJECTS, o);
      if (grace > 0) {
        const st = await fs.stat(file).catch(() => null);
        if (!st || Date.now() - st.mtimeMs < grace) continue;
      }
      await fs.unlink(file).then(() => removedObjects++, () => undefined);
    }
  }
  return { removedSnapshots: remove.length, removedObjects };
}
