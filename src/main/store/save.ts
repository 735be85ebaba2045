import path from 'node:path';
import {
  IssueSchema, StorySchema, fieldErrors, type IssueMeta, type Story,
} from '../../core/model';
import { writeFileAtomic } from './atomic';
import { StoreError, ioError } from './errors';
import { errnoCode } from './fs-port';
import { ISSUE_FILE, STORIES_DIR, checkedFile, storyFile } from './paths';
import { hasObject, lastGoodSnapshot, recordSnapshot, sha256 } from './history';
import { clearJournal } from './journal';
import { parseIssueMeta, parseStory } from './open';
import { defaultEnv, serialize, type StoreEnv } from './env';

export interface SaveStoryOptions {
  env?: StoreEnv;
  /**
   * The revision the edits started from. If the file on disk has moved on (a colleague saved), the save is
   * refused with kind 'conflict' so the caller can keep both versions; omit only for a deliberate overwrite.
   */
  baseRevision?: number;
  /** Allow creating a story file that does not exist yet. */
  create?: boolean;
}

export interface SavedStory {
  story: Story;
  hash: string;
  /** Null when the file was saved but its history snapshot could not be written (see `warning`). */
  snapshotId: string | null;
  warning: string | null;
}

/** The file is saved by now; a history failure must not make the caller think the save failed (and retry into a conflict). */
async function snapshotAfterSave(env: StoreEnv, root: string, reason: string, rel: string, out: string): Promise<{ snapshotId: string | null; warning: string | null }> {
  try {
    return { snapshotId: await recordSnapshot(env, root, 'delta', reason, [{ rel, bytes: Buffer.from(out, 'utf8') }], false), warning: null };
  } catch (e) {
    return { snapshotId: null, warning: `已保存，但未能记入历史：${e instanceof Error ? e.message : String(e)}` };
  }
}

async function realRootOf(env: StoreEnv, root: string): Promise<string> {
  try {
    return await env.fs.realpath(root);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') throw new StoreError('missing', root, '期刊文件夹不存在', { cause: e });
    throw ioError(root, '打开', e);
  }
}

/** Read the current file for a save: absent → null; broken → refuse (a bad file is never overwritten). */
async function currentText(env: StoreEnv, file: string, rel: string): Promise<string | null> {
  try {
    return (await env.fs.readFile(file)).toString('utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw ioError(rel, '读取', e);
  }
}

export async function saveStory(dir: string, story: Story, opts: SaveStoryOptions = {}): Promise<SavedStory> {
  const env = opts.env ?? defaultEnv();
  const root = path.resolve(dir);
  const checked = StorySchema.safeParse(story);
  const rel = storyFile(typeof story?.id === 'string' ? story.id : '?');
  if (!checked.success) throw new StoreError('invalid', rel, '要保存的稿件不符合格式', { fields: fieldErrors(checked.error) });
  const s = checked.data;
  const realRoot = await realRootOf(env, root);
  const file = await checkedFile(env.fs, root, realRoot, rel);

  const text = await currentText(env, file, rel);
  let cur: Story | null = null;
  if (text === null) {
    if (!opts.create && opts.baseRevision !== undefined && opts.baseRevision > 0) {
      throw new StoreError('conflict', rel, '文件已被删除或移走');
    }
  } else {
    try {
      cur = parseStory(text, rel, s.id);
    } catch (e) {
      if (e instanceof StoreError) {
        e.lastGoodSnapshot = await lastGoodSnapshot(env.fs, root, rel);
        throw new StoreError('invalid', rel, `磁盘上的文件已损坏，未覆盖（${e.reason}）`, { fields: e.fields, lastGoodSnapshot: e.lastGoodSnapshot });
      }
      throw e;
    }
    if (opts.baseRevision !== undefined && cur.revision !== opts.baseRevision) {
      throw new StoreError('conflict', rel, `稿件已被他人保存（修订 ${cur.revision}，本地基于修订 ${opts.baseRevision}）`);
    }
  }

  const next: Story = { ...s, revision: Math.max(cur?.revision ?? 0, s.revision) + 1, updatedAt: new Date(env.now()).toISOString() };
  const out = serialize(next);
  try {
    await env.fs.mkdir(path.join(root, STORIES_DIR));
  } catch (e) {
    throw ioError(STORIES_DIR, '创建文件夹', e);
  }
  // Content written by someone without history (another tool, an older Yeban) is kept before it is replaced.
  if (text !== null && !(await hasObject(env.fs, root, sha256(text)))) {
    await recordSnapshot(env, root, 'delta', '保存前的版本', [{ rel, bytes: Buffer.from(text, 'utf8') }]);
  }
  await writeFileAtomic(env.fs, file, out, rel);
  const snap = await snapshotAfterSave(env, root, `保存稿件 ${s.id}`, rel, out);
  await clearJournal(env, root, s.id).catch(() => undefined);
  return { story: next, hash: sha256(out), ...snap };
}

export interface SaveMetaOptions {
  env?: StoreEnv;
  /** sha256 of issue.json when it was read (OpenedIssue.metaHash): refused as a conflict if it changed. */
  baseHash?: string;
  reason?: string;
}

export interface SavedMeta {
  meta: IssueMeta;
  hash: string;
  snapshotId: string | null;
  warning: string | null;
}

export async function saveIssueMeta(dir: string, meta: IssueMeta, opts: SaveMetaOptions = {}): Promise<SavedMeta> {
  const env = opts.env ?? defaultEnv();
  const root = path.resolve(dir);
  const r = IssueSchema.safeParse(meta);
  if (!r.success) throw new StoreError('invalid', ISSUE_FILE, '要保存的期刊信息不符合格式', { fields: fieldErrors(r.error) });
  const out = serialize(r.data);
  // The same reference checks as at open: an id that would escape the folder never reaches the disk.
  parseIssueMeta(out);
  const realRoot = await realRootOf(env, root);
  const file = await checkedFile(env.fs, root, realRoot, ISSUE_FILE);
  const text = await currentText(env, file, ISSUE_FILE);
  if (text !== null) {
    try {
      const cur = parseIssueMeta(text);
      if (cur.readOnlyReason) throw new StoreError('newer', ISSUE_FILE, cur.readOnlyReason);
    } catch (e) {
      if (e instanceof StoreError && e.kind !== 'newer') {
        throw new StoreError('invalid', ISSUE_FILE, `磁盘上的文件已损坏，未覆盖（${e.reason}）`, { fields: e.fields, lastGoodSnapshot: await lastGoodSnapshot(env.fs, root, ISSUE_FILE) });
      }
      throw e;
    }
    if (opts.baseHash !== undefined && sha256(text) !== opts.baseHash) {
      throw new StoreError('conflict', ISSUE_FILE, '期刊信息已被他人保存，请重新载入后再改');
    }
    if (!(await hasObject(env.fs, root, sha256(text)))) {
      await recordSnapshot(env, root, 'delta', '保存前的版本', [{ rel: ISSUE_FILE, bytes: Buffer.from(text, 'utf8') }]);
    }
  }
  await writeFileAtomic(env.fs, file, out, ISSUE_FILE);
  const snap = await snapshotAfterSave(env, root, opts.reason ?? '保存期刊信息', ISSUE_FILE, out);
  return { meta: r.data, hash: sha256(out), ...snap };
}

/** Add a new story: its file first, then its place in the budget (issue.json). */
export async function addStory(dir: string, story: Story, opts: SaveMetaOptions = {}): Promise<{ story: SavedStory; meta: SavedMeta }> {
  const env = opts.env ?? defaultEnv();
  const root = path.resolve(dir);
  const metaText = await currentText(env, path.join(root, ISSUE_FILE), ISSUE_FILE);
  if (metaText === null) throw new StoreError('missing', ISSUE_FILE, '文件不存在');
  const { meta, readOnlyReason } = parseIssueMeta(metaText);
  if (readOnlyReason) throw new StoreError('newer', ISSUE_FILE, readOnlyReason);
  if (meta.storyIds.includes(story.id)) throw new StoreError('exists', storyFile(story.id), `稿件编号「${story.id}」已存在`);
  const saved = await saveStory(root, { ...story, revision: 0 }, { env, create: true, baseRevision: 0 });
  const savedMeta = await saveIssueMeta(root, { ...meta, storyIds: [...meta.storyIds, story.id] }, { env, baseHash: opts.baseHash ?? sha256(metaText), reason: `新增稿件 ${story.id}` });
  return { story: saved, meta: savedMeta };
}
