import path from 'node:path';
import { z } from 'zod';
import {
  IssueSchema, StorySchema, StoryIdSchema, SCHEMA_VERSION, migrateIssue, fieldErrors, formatPath,
  type IssueMeta, type Story,
} from '../../core/model';
import { StoreError, ioError, type StoreErrorInfo } from './errors';
import { errnoCode, type FsPort } from './fs-port';
import { ASSETS_DIR, ISSUE_FILE, META_DIR, STORIES_DIR, JOURNAL_DIR, checkedDir, checkedFile, insidePath, storyFile } from './paths';
import { HOST_TAG, TEMP_MARK, tempOwner } from './atomic';
import { lastGoodSnapshot, sha256 } from './history';
import { listJournal } from './journal';
import { listLocks, type LockInfo } from './locks';
import { sniffImage, describeNonImage } from './image-header';
import { defaultEnv, serialize, type StoreEnv } from './env';

export interface Finding {
  level: 'warning' | 'info';
  file: string;
  message: string;
}

export interface RecoveryOffer {
  storyId: string;
  slug: string;
  /** When the unsaved state was journaled, and by whom. */
  at: string;
  user: string;
  baseRevision: number;
  /** Revision on disk now; differs from baseRevision if someone saved since. */
  currentRevision: number | null;
}

export interface OpenedIssue {
  /** Absolute path of the issue folder. */
  dir: string;
  meta: IssueMeta;
  /** sha256 of issue.json as read: the base a later saveIssueMeta must name. */
  metaHash: string;
  /** Stories that loaded, by id, in file order of meta.storyIds. */
  stories: Record<string, Story>;
  storyHashes: Record<string, string>;
  readOnly: boolean;
  readOnlyReason: string | null;
  /** Set when issue.json was an older format, upgraded in memory (written on the next save). */
  migratedFrom: number | null;
  /** Files that could not be loaded: never overwritten; each names the file, the reason and the last good snapshot. */
  problems: StoreErrorInfo[];
  findings: Finding[];
  recovery: RecoveryOffer[];
  locks: LockInfo[];
  /** Leftover temp files of writers that died on this machine, removed at open. */
  tempFilesRemoved: number;
}

export interface OpenOptions {
  env?: StoreEnv;
  /** Open without changing anything on disk (no temp cleanup): the CLI's info, and newer-format files. */
  readOnly?: boolean;
}

/** What a newer Yeban wrote may still be shown if the fields this version knows still parse. */
const NewerIssueSchema = IssueSchema.extend({ schemaVersion: z.number().int() }).loose();

async function readText(fs: FsPort, file: string, rel: string): Promise<string> {
  try {
    return (await fs.readFile(file)).toString('utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') throw new StoreError('missing', rel, '文件不存在', { cause: e });
    if (errnoCode(e) === 'EISDIR') throw new StoreError('invalid', rel, '这是一个文件夹，不是文件', { cause: e });
    throw ioError(rel, '读取', e);
  }
}

export function parseJson(text: string, rel: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new StoreError('invalid', rel, '文件是空的');
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new StoreError('invalid', rel, `JSON 语法错误（${msg}）`, { cause: e });
  }
}

/** Parse and validate a story file's text; the id inside must match the file name. */
export function parseStory(text: string, rel: string, expectedId: string): Story {
  const r = StorySchema.safeParse(parseJson(text, rel));
  if (!r.success) throw new StoreError('invalid', rel, '内容不符合稿件格式', { fields: fieldErrors(r.error) });
  if (r.data.id !== expectedId) throw new StoreError('invalid', rel, `稿件编号「${r.data.id}」与文件名「${expectedId}」不符`, { fields: [{ path: 'id', message: '与文件名不符' }] });
  return r.data;
}

interface ParsedMeta {
  meta: IssueMeta;
  readOnlyReason: string | null;
  migratedFrom: number | null;
}

/** issue.json text → validated meta; throws StoreError naming the field and the reason. */
export function parseIssueMeta(text: string, rel = ISSUE_FILE): ParsedMeta {
  const raw = parseJson(text, rel);
  const m = migrateIssue(raw);
  let meta: IssueMeta;
  let readOnlyReason: string | null = null;
  let migratedFrom: number | null = null;
  if (m.kind === 'invalid') throw new StoreError('invalid', rel, m.reason, { fields: [{ path: 'schemaVersion', message: m.reason }] });
  if (m.kind === 'newer') {
    readOnlyReason = `此期由更新版本的夜班保存（格式版本 ${m.version}，本程序支持 ${SCHEMA_VERSION}），只能只读打开`;
    const r = NewerIssueSchema.safeParse(raw);
    if (!r.success) {
      throw new StoreError('newer', rel, `${readOnlyReason}；且其内容本程序无法读取`, { fields: fieldErrors(r.error) });
    }
    meta = { ...(r.data as unknown as IssueMeta) };
  } else {
    const r = IssueSchema.safeParse(m.data);
    if (!r.success) throw new StoreError('invalid', rel, '内容不符合期刊格式', { fields: fieldErrors(r.error) });
    meta = r.data;
    if (m.kind === 'migrated') migratedFrom = m.from;
  }
  checkMetaReferences(meta, rel);
  return { meta, readOnlyReason, migratedFrom };
}

/** Ids that become file names must be safe, and each story and page listed once. */
function checkMetaReferences(meta: IssueMeta, rel: string): void {
  const seen = new Set<string>();
  meta.storyIds.forEach((id, i) => {
    const field = formatPath(['storyIds', i]);
    if (id.includes('/') || id.includes('\\') || id.includes('..') || path.isAbsolute(id)) {
      throw new StoreError('path', rel, `稿件编号「${id}」会指向期刊文件夹之外`, { fields: [{ path: field, message: '路径越界' }] });
    }
    const r = StoryIdSchema.safeParse(id);
    if (!r.success) throw new StoreError('invalid', rel, `稿件编号「${id}」无效`, { fields: [{ path: field, message: r.error.issues[0]?.message ?? '无效' }] });
    if (seen.has(id)) throw new StoreError('invalid', rel, `稿件「${id}」重复列出`, { fields: [{ path: field, message: '重复' }] });
    seen.add(id);
  });
  const pages = new Set<string>();
  meta.pages.forEach((p, i) => {
    if (pages.has(p.id)) throw new StoreError('invalid', rel, `版面编号「${p.id}」重复`, { fields: [{ path: formatPath(['pages', i, 'id']), message: '重复' }] });
    pages.add(p.id);
  });
  const assets = new Set<string>();
  meta.assets.forEach((a, i) => {
    if (assets.has(a.id)) throw new StoreError('invalid', rel, `图片「${a.id}」重复登记`, { fields: [{ path: formatPath(['assets', i, 'id']), message: '重复' }] });
    assets.add(a.id);
  });
}

async function withLastGood(fs: FsPort, root: string, e: StoreError): Promise<StoreError> {
  if (e.kind === 'invalid' || e.kind === 'missing' || e.kind === 'path') e.lastGoodSnapshot = await lastGoodSnapshot(fs, root, e.file);
  return e;
}

export async function openIssue(dir: string, opts: OpenOptions = {}): Promise<OpenedIssue> {
  const env = opts.env ?? defaultEnv();
  const { fs } = env;
  const root = path.resolve(dir);
  let realRoot: string;
  try {
    const st = await fs.stat(root);
    if (!st.isDirectory()) throw new StoreError('invalid', root, '不是期刊文件夹（.yeban 文件夹）');
    realRoot = await fs.realpath(root);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (errnoCode(e) === 'ENOENT') throw new StoreError('missing', root, '期刊文件夹不存在', { cause: e });
    throw ioError(root, '打开', e);
  }

  let metaText: string;
  let parsed: ParsedMeta;
  try {
    const metaFile = await checkedFile(fs, root, realRoot, ISSUE_FILE);
    metaText = await readText(fs, metaFile, ISSUE_FILE);
    parsed = parseIssueMeta(metaText);
  } catch (e) {
    if (e instanceof StoreError) throw await withLastGood(fs, root, e);
    throw ioError(ISSUE_FILE, '读取', e);
  }
  const { meta } = parsed;
  const readOnlyReason = parsed.readOnlyReason;
  const readOnly = readOnlyReason !== null;

  const problems: StoreErrorInfo[] = [];
  const findings: Finding[] = [];
  const report = async (e: unknown, rel: string): Promise<void> => {
    const se = e instanceof StoreError ? e : ioError(rel, '读取', e);
    problems.push((await withLastGood(fs, root, se)).toJSON());
  };

  for (const d of [STORIES_DIR, ASSETS_DIR, META_DIR]) {
    try {
      await checkedDir(fs, root, realRoot, d);
    } catch (e) {
      await report(e, d);
      throw new StoreError('path', d, problems.at(-1)?.reason ?? '文件夹无效');
    }
  }

  const stories: Record<string, Story> = {};
  const storyHashes: Record<string, string> = {};
  const loaded = await Promise.all(meta.storyIds.map(async (id) => {
    const rel = storyFile(id);
    try {
      const file = await checkedFile(fs, root, realRoot, rel);
      const text = await readText(fs, file, rel);
      return { id, story: parseStory(text, rel, id), hash: sha256(text), error: null };
    } catch (e) {
      return { id, story: null, hash: null, error: e };
    }
  }));
  for (const l of loaded) {
    if (l.story) {
      stories[l.id] = l.story;
      storyHashes[l.id] = l.hash!;
    } else {
      await report(l.error, storyFile(l.id));
    }
  }

  await Promise.all(meta.assets.map(async (a, i) => {
    const rel = `${ASSETS_DIR}/${a.id}`;
    try {
      const file = await checkedFile(fs, root, realRoot, rel);
      let head: Buffer;
      try {
        head = await fs.readHead(file, 16);
      } catch (e) {
        if (errnoCode(e) === 'ENOENT') throw new StoreError('missing', rel, '图片文件不存在', { fields: [{ path: formatPath(['assets', i]), message: '文件缺失' }] });
        throw ioError(rel, '读取', e);
      }
      const kind = sniffImage(head);
      if (!kind) throw new StoreError('image', rel, describeNonImage(head));
      if (kind !== a.format) throw new StoreError('image', rel, `登记为 ${a.format.toUpperCase()}，实际是 ${kind.toUpperCase()}`);
    } catch (e) {
      await report(e, rel);
    }
  }));

  const storySet = new Set(meta.storyIds);
  meta.pages.forEach((p) => p.frames.forEach((f) => {
    if ('storyId' in f && f.storyId && !storySet.has(f.storyId)) {
      findings.push({ level: 'warning', file: ISSUE_FILE, message: `第 ${p.number} 版的框「${f.id}」指向不存在的稿件「${f.storyId}」` });
    }
  }));
  for (const s of Object.values(stories)) {
    s.photos.forEach((ph, i) => {
      if (ph.assetId && !meta.assets.some((a) => a.id === ph.assetId)) {
        findings.push({ level: 'warning', file: storyFile(s.id), message: `照片 ${i + 1} 的图片「${ph.assetId}」未登记在期刊中` });
      }
    });
  }

  const recovery: RecoveryOffer[] = [];
  try {
    const j = await listJournal(env, root);
    for (const d of j.damaged) findings.push({ level: 'warning', file: d, message: '自动保存记录已损坏，无法恢复' });
    for (const e of j.entries) {
      const cur = stories[e.storyId];
      if (cur && serialize({ ...cur, revision: 0, updatedAt: '' }) === serialize({ ...e.story, revision: 0, updatedAt: '' })) continue;
      recovery.push({ storyId: e.storyId, slug: e.story.slug, at: e.at, user: e.user, baseRevision: e.baseRevision, currentRevision: cur?.revision ?? null });
    }
  } catch (e) {
    findings.push({ level: 'warning', file: JOURNAL_DIR, message: e instanceof Error ? e.message : String(e) });
  }

  const locks = await listLocks(env, root).catch(() => []);
  const tempFilesRemoved = readOnly || opts.readOnly ? 0 : await removeDeadTemps(env, root);
  if (parsed.migratedFrom !== null) findings.push({ level: 'info', file: ISSUE_FILE, message: `已从格式版本 ${parsed.migratedFrom} 升级到 ${SCHEMA_VERSION}，保存后生效` });

  return {
    dir: root, meta, metaHash: sha256(metaText), stories, storyHashes, readOnly, readOnlyReason, migratedFrom: parsed.migratedFrom,
    problems, findings, recovery, locks, tempFilesRemoved,
  };
}

/** Temp files left by writers that died on this machine (names carry host tag and pid). */
export async function removeDeadTemps(env: StoreEnv, root: string, dirs: readonly string[] = ['.', STORIES_DIR, ASSETS_DIR, JOURNAL_DIR]): Promise<number> {
  let removed = 0;
  for (const d of dirs) {
    let names: string[];
    try {
      names = await env.fs.readdir(insidePath(root, d === '.' ? '.' : d));
    } catch {
      continue;
    }
    for (const n of names) {
      if (!n.includes(TEMP_MARK)) continue;
      const owner = tempOwner(n);
      if (!owner || owner.host !== HOST_TAG || owner.pid === env.pid || env.pidAlive(owner.pid)) continue;
      try {
        await env.fs.unlink(path.join(root, d, n));
        removed++;
      } catch {
        // someone else removed it
      }
    }
  }
  return removed;
}
