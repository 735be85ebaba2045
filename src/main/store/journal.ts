import path from 'node:path';
import { z } from 'zod';
import { StorySchema, StoryIdSchema, type Story } from '../../core/model';
import { writeFileAtomic } from './atomic';
import { ioError } from './errors';
import { errnoCode } from './fs-port';
import { JOURNAL_DIR, insidePath } from './paths';
import { serialize, type StoreEnv } from './env';

/**
 * The autosave journal: the latest unsaved state of each story being edited, written every ≤ 2 s of
 * changes. A save removes the story's entry, so an entry found at open means the editor did not close
 * cleanly and recovery is offered.
 */
export const JournalEntrySchema = z.object({
  storyId: StoryIdSchema,
  /** The revision the edits started from. */
  baseRevision: z.number().int().min(0),
  at: z.string(),
  user: z.string(),
  host: z.string(),
  pid: z.number().int(),
  story: StorySchema,
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

const entryRel = (storyId: string): string => `${JOURNAL_DIR}/${StoryIdSchema.parse(storyId)}.json`;

export async function writeJournal(env: StoreEnv, root: string, story: Story, baseRevision: number): Promise<void> {
  const rel = entryRel(story.id);
  try {
    await env.fs.mkdir(path.join(root, JOURNAL_DIR));
  } catch (e) {
    throw ioError(JOURNAL_DIR, '创建自动保存文件夹', e);
  }
  const entry: JournalEntry = { storyId: story.id, baseRevision, at: new Date(env.now()).toISOString(), user: env.user, host: env.host, pid: env.pid, story };
  await writeFileAtomic(env.fs, insidePath(root, rel), serialize(entry), rel);
}

export async function clearJournal(env: StoreEnv, root: string, storyId: string): Promise<void> {
  try {
    await env.fs.unlink(insidePath(root, entryRel(storyId)));
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw ioError(entryRel(storyId), '清除自动保存', e);
  }
}

export async function readJournal(env: StoreEnv, root: string, storyId: string): Promise<JournalEntry | null> {
  try {
    const raw = await env.fs.readFile(insidePath(root, entryRel(storyId)));
    const r = JournalEntrySchema.safeParse(JSON.parse(raw.toString('utf8')));
    return r.success && r.data.storyId === storyId ? r.data : null;
  } catch {
    return null;
  }
}

/** Every readable journal entry; a damaged one (a crash cannot make one, but a disk can) is reported, not fatal. */
export async function listJournal(env: StoreEnv, root: string): Promise<{ entries: JournalEntry[]; damaged: string[] }> {
  let names: string[];
  try {
    names = await env.fs.readdir(path.join(root, JOURNAL_DIR));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { entries: [], damaged: [] };
    throw ioError(JOURNAL_DIR, '读取自动保存', e);
  }
  const entries: JournalEntry[] = [];
  const damaged: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.json') && !x.startsWith('.')).sort()) {
    const id = n.slice(0, -5);
    const e = await readJournal(env, root, id);
    if (e) entries.push(e);
    else damaged.push(`${JOURNAL_DIR}/${n}`);
  }
  return { entries, damaged };
}
