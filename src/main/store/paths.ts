import path from 'node:path';
import { StoreError } from './errors';
import { errnoCode, type FsPort } from './fs-port';

/** The issue folder layout of DESIGN.md §4. */
export const ISSUE_FILE = 'issue.json';
export const STORIES_DIR = 'stories';
export const ASSETS_DIR = 'assets';
export const META_DIR = '.yeban';
export const LOCKS_DIR = '.yeban/locks';
export const JOURNAL_DIR = '.yeban/journal';
export const HISTORY_DIR = '.yeban/history';
export const CONFLICTS_DIR = '.yeban/conflicts';

export const storyFile = (id: string): string => `${STORIES_DIR}/${id}.json`;

/**
 * Resolve a path named inside an issue (a story id, an asset name, a relative file) and refuse anything that
 * would leave the folder: `..` segments, absolute paths, drive letters, NUL, backslashes.
 * Symlinks are checked separately (resolveExisting), since that needs the disk.
 */
export function insidePath(root: string, rel: string): string {
  const bad = (why: string): never => { throw new StoreError('path', rel, why); };
  if (rel.length === 0) bad('路径为空');
  if (rel.includes('\0')) bad('路径含有空字符');
  if (rel.includes('\\')) bad('路径含有反斜杠');
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) bad('不允许绝对路径');
  if (rel.split('/').some((seg) => seg === '..')) bad('路径不能指向期刊文件夹之外（..）');
  const full = path.resolve(root, rel);
  const rootAbs = path.resolve(root);
  if (full !== rootAbs && !full.startsWith(rootAbs + path.sep)) bad('路径不能指向期刊文件夹之外');
  return full;
}

/** Like insidePath, and if the file exists, its real location (after symlinks) must also be inside. */
export async function resolveExisting(fs: FsPort, root: string, rel: string): Promise<string> {
  const full = insidePath(root, rel);
  let real: string;
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
    real = await fs.realpath(full);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return full;
    throw e;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new StoreError('path', rel, '符号链接指向期刊文件夹之外');
  }
  return full;
}

/**
 * A file inside the issue, checked without realpath on every call: the folder's real path is computed
 * once, and only a file that is itself a symlink is followed (and refused if it points out).
 */
export async function checkedFile(fs: FsPort, root: string, realRoot: string, rel: string): Promise<string> {
  const full = insidePath(root, rel);
  let isLink: boolean;
  try {
    isLink = (await fs.lstat(full)).isSymbolicLink();
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return full;
    throw e;
  }
  if (isLink) {
    let real: string;
    try {
      real = await fs.realpath(full);
    } catch {
      throw new StoreError('path', rel, '符号链接指向不存在的位置');
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new StoreError('path', rel, '符号链接指向期刊文件夹之外');
  }
  return full;
}

/** A folder of the issue (stories/, assets/ …) must not itself be a link to elsewhere. */
export async function checkedDir(fs: FsPort, root: string, realRoot: string, rel: string): Promise<void> {
  await checkedFile(fs, root, realRoot, rel);
}
