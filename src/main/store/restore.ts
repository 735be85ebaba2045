import path from 'node:path';
import { writeFileAtomic } from './atomic';
import { StoreError } from './errors';
import { ISSUE_FILE, checkedFile, storyFile } from './paths';
import { loadSnapshots, readObject, recordSnapshot, stateAt } from './history';
import { parseIssueMeta, parseStory } from './open';
import { takeFullSnapshot } from './snapshot';
import { clearJournal } from './journal';
import { holderMessage, readLockInfo } from './locks';
import { defaultEnv, serialize, type StoreEnv } from './env';

export interface RestoreOptions {
  env?: StoreEnv;
  /** Restore only this story; otherwise issue.json and every story of the snapshot. */
  storyId?: string;
  /** The restoring session's lock token: its own locks do not block it. */
  token?: string;
}

export interface RestoreResult {
  snapshotId: string;
  /** Snapshot of the state just before the restore, so the restore itself can be undone. */
  beforeSnapshotId: string | null;
  restored: string[];
}

/**
 * Put files back as they were at a snapshot. Restored stories get a revision above the one on disk, so
 * editors holding the old revision see a change rather than silently saving over the restore.
 */
export async function restoreSnapshot(dir: string, snapshotId: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const env = opts.env ?? defaultEnv();
  const root = path.resolve(dir);
  const realRoot = await env.fs.realpath(root);
  const snaps = await loadSnapshots(env.fs, root);
  const state = stateAt(snaps, snapshotId);
  const wanted = opts.storyId ? [storyFile(opts.storyId)] : [...state.keys()].sort((a, b) => (a === ISSUE_FILE ? 1 : b === ISSUE_FILE ? -1 : a.localeCompare(b)));
  if (opts.storyId && !state.has(wanted[0]!)) throw new StoreError('missing', wanted[0]!, `快照 ${snapshotId} 中没有这篇稿件`);

  // Restoring under someone who is editing would pull their text away mid-sentence: refuse while they hold it.
  for (const rel of wanted) {
    if (!rel.startsWith('stories/')) continue;
    const lock = await readLockInfo(env, root, { kind: 'story', id: rel.slice('stories/'.length, -'.json'.length) }, opts.token ?? null);
    if (lock && !lock.mine && !lock.stale) throw new StoreError('locked', rel, `${holderMessage(lock).replace('，只能只读打开', '')}，请等其关闭后再恢复`);
  }
  const beforeSnapshotId = await takeFullSnapshot(env, root, `恢复 ${snapshotId} 之前`);
  const restored: string[] = [];
  const written: { rel: string; bytes: Uint8Array }[] = [];
  for (const rel of wanted) {
    const bytes = await readObject(env.fs, root, state.get(rel)!);
    const file = await checkedFile(env.fs, root, realRoot, rel);
    let out: string;
    if (rel === ISSUE_FILE) {
      parseIssueMeta(bytes.toString('utf8'), rel);
      out = bytes.toString('utf8');
    } else {
      const id = rel.slice('stories/'.length, -'.json'.length);
      const old = parseStory(bytes.toString('utf8'), rel, id);
      let onDisk = 0;
      try {
        onDisk = parseStory((await env.fs.readFile(file)).toString('utf8'), rel, id).revision;
      } catch {
        onDisk = 0;
      }
      out = serialize({ ...old, revision: Math.max(onDisk, old.revision) + 1, updatedAt: new Date(env.now()).toISOString() });
      await clearJournal(env, root, id).catch(() => undefined);
    }
    await writeFileAtomic(env.fs, file, out, rel);
    written.push({ rel, bytes: Buffer.from(out, 'utf8') });
    restored.push(rel);
  }
  // A single story restored into an issue whose budget no longer lists it is put back on the budget.
  if (opts.storyId) {
    const metaBytes = await env.fs.readFile(path.join(root, ISSUE_FILE));
    const { meta } = parseIssueMeta(metaBytes.toString('utf8'));
    if (!meta.storyIds.includes(opts.storyId)) {
      const out = serialize({ ...meta, storyIds: [...meta.storyIds, opts.storyId] });
      await writeFileAtomic(env.fs, path.join(root, ISSUE_FILE), out, ISSUE_FILE);
      written.push({ rel: ISSUE_FILE, bytes: Buffer.from(out, 'utf8') });
      restored.push(ISSUE_FILE);
    }
  }
  await recordSnapshot(env, root, 'delta', `恢复自 ${snapshotId}`, written);
  return { snapshotId, beforeSnapshotId, restored };
}
