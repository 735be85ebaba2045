import path from 'node:path';
import { ISSUE_FILE, storyFile } from './paths';
import { recordSnapshot } from './history';
import { parseIssueMeta, parseStory } from './open';
import type { StoreEnv } from './env';

/**
 * A full snapshot of every file that is good right now (a broken file is left out, so "last good snapshot"
 * means what it says). Taken at creation, periodically by an open session, and before a restore.
 */
export async function takeFullSnapshot(env: StoreEnv, dir: string, reason: string): Promise<string | null> {
  const root = path.resolve(dir);
  const files: { rel: string; bytes: Uint8Array }[] = [];
  let storyIds: string[] = [];
  try {
    const bytes = await env.fs.readFile(path.join(root, ISSUE_FILE));
    const { meta } = parseIssueMeta(bytes.toString('utf8'));
    files.push({ rel: ISSUE_FILE, bytes });
    storyIds = meta.storyIds;
  } catch {
    return null;
  }
  await Promise.all(storyIds.map(async (id) => {
    const rel = storyFile(id);
    try {
      const bytes = await env.fs.readFile(path.join(root, rel));
      parseStory(bytes.toString('utf8'), rel, id);
      files.push({ rel, bytes });
    } catch {
      // broken or missing: not part of a good snapshot
    }
  }));
  return recordSnapshot(env, root, 'full', reason, files);
}
