import path from 'node:path';
import { writeFileAtomic } from './atomic';
import { StoreError, ioError } from './errors';
import { errnoCode, type FsPort } from './fs-port';
import { META_DIR } from './paths';
import { takeFullSnapshot } from './snapshot';
import { defaultEnv, type StoreEnv } from './env';
import { ISSUE_DIRS } from './create';

export interface CopySampleOptions {
  env?: StoreEnv;
  /** Return an existing copy of the same name instead of making a new one. */
  reuse?: boolean;
}

/**
 * The bundled sample is never opened in place (DESIGN.md §4): it lives inside the application, often on a
 * read-only disk, and every user gets their own copy to edit. Copies get a numbered name when one exists.
 * Returns the path of the copy.
 */
export async function copySampleIssue(bundledDir: string, documentsDir: string, opts: CopySampleOptions = {}): Promise<string> {
  const env = opts.env ?? defaultEnv();
  const { fs } = env;
  const src = path.resolve(bundledDir);
  const base = path.basename(src);
  const stem = base.endsWith('.yeban') ? base.slice(0, -'.yeban'.length) : base;
  try {
    const st = await fs.stat(path.join(src, 'issue.json'));
    if (!st.isFile()) throw new Error('issue.json');
  } catch (e) {
    throw new StoreError('missing', src, '找不到随程序附带的样例期刊', { cause: e });
  }
  try {
    await fs.mkdir(documentsDir);
  } catch (e) {
    throw ioError(documentsDir, '创建文档文件夹', e);
  }
  let target = '';
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? `${stem}.yeban` : `${stem}-${n}.yeban`;
    const candidate = path.join(documentsDir, name);
    let taken = true;
    try {
      await fs.lstat(candidate);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw ioError(candidate, '检查文件夹', e);
      taken = false;
    }
    if (taken && opts.reuse && n === 1) return candidate;
    if (!taken) { target = candidate; break; }
  }
  if (!target) throw new StoreError('exists', documentsDir, '样例副本过多，请清理文档文件夹');
  // Copy into a hidden folder first, so a half-made copy never looks like an issue.
  const staging = path.join(documentsDir, `.${path.basename(target)}.copying-${process.pid}`);
  try {
    await copyTree(fs, src, staging, '');
    for (const d of ISSUE_DIRS) await fs.mkdir(path.join(staging, d)).catch((e: unknown) => { throw ioError(d, '创建文件夹', e); });
    await fs.rename(staging, target).catch((e: unknown) => { throw ioError(target, '复制样例', e); });
  } catch (e) {
    await removeTree(fs, staging).catch(() => undefined);
    throw e;
  }
  await takeFullSnapshot(env, target, '样例副本');
  return target;
}

/** Plain files and folders only; links are refused (a bundle must be self-contained), .yeban/ state is not copied. */
async function copyTree(fs: FsPort, from: string, to: string, rel: string): Promise<void> {
  await fs.mkdir(to).catch((e: unknown) => { throw ioError(to, '创建文件夹', e); });
  const names = await fs.readdir(from).catch((e: unknown) => { throw ioError(from, '读取', e); });
  for (const n of names) {
    const r = rel ? `${rel}/${n}` : n;
    if (r === META_DIR) continue;
    const st = await fs.lstat(path.join(from, n));
    if (st.isSymbolicLink()) throw new StoreError('path', r, '样例中不允许符号链接');
    if (st.isDirectory()) await copyTree(fs, path.join(from, n), path.join(to, n), r);
    else if (st.isFile()) await writeFileAtomic(fs, path.join(to, n), await fs.readFile(path.join(from, n)), r);
  }
}

async function removeTree(fs: FsPort, dir: string): Promise<void> {
  for (const n of await fs.readdir(dir)) {
    const p = path.join(dir, n);
    if ((await fs.lstat(p)).isDirectory()) await removeTree(fs, p);
    else await fs.unlink(p);
  }
  await fs.rmdir(dir);
}
