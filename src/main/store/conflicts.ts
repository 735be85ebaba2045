import path from 'node:path';
import type { Story } from '../../core/model';
import { writeFileAtomic } from './atomic';
import { ioError } from './errors';
import { CONFLICTS_DIR, insidePath } from './paths';
import { serialize, type StoreEnv } from './env';

export interface ConflictRecord {
  storyId: string;
  /** Issue-relative folder holding mine.json, theirs.json and about.json. */
  folder: string;
  at: string;
  mineBaseRevision: number;
  theirsRevision: number;
}

/**
 * Keep both versions when a colleague's save meets local unsaved edits: nothing is merged or dropped
 * silently; the editor chooses, and either version can still be opened from this folder later.
 */
export async function recordConflict(env: StoreEnv, root: string, mine: Story, mineBaseRevision: number, theirs: Story): Promise<ConflictRecord> {
  const at = new Date(env.now()).toISOString();
  const folder = `${CONFLICTS_DIR}/${mine.id}-${at.replace(/[-:.]/g, '')}-${env.pid}`;
  const abs = insidePath(root, folder);
  try {
    await env.fs.mkdir(abs);
  } catch (e) {
    throw ioError(folder, '保存冲突版本', e);
  }
  const rec: ConflictRecord = { storyId: mine.id, folder, at, mineBaseRevision, theirsRevision: theirs.revision };
  await writeFileAtomic(env.fs, path.join(abs, 'mine.json'), serialize(mine), `${folder}/mine.json`);
  await writeFileAtomic(env.fs, path.join(abs, 'theirs.json'), serialize(theirs), `${folder}/theirs.json`);
  await writeFileAtomic(env.fs, path.join(abs, 'about.json'), serialize({ ...rec, user: env.user, host: env.host }), `${folder}/about.json`);
  return rec;
}
