import path from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import os from 'node:os';
import { ioError } from './errors';
import type { FsPort } from './fs-port';

/**
 * Temp files carry the writer's host and pid so a later open can tell a dead writer's leftovers (removable at
 * once) from a colleague's write in progress on a shared drive (left alone).
 */
export const TEMP_MARK = '.yeban-tmp-';
export const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);

export function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}${HOST_TAG}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Host tag and pid of the process that wrote a temp file, or null if the name is not one of ours. */
export function tempOwner(name: string): { host: string; pid: number } | null {
  const i = name.indexOf(TEMP_MARK);
  if (i < 0) return null;
  const [host, pidText] = name.slice(i + TEMP_MARK.length).split('-');
  const pid = Number(pidText);
  return host && Number.isInteger(pid) && pid > 0 ? { host, pid } : null;
}

export interface WriteOptions {
  /**
   * false skips both fsyncs: the write is still atomic against crashes of the process (temp + rename), but a
   * power cut may lose it. Only for copies whose loss is detected and tolerable (history, checked by hash).
   */
  durable?: boolean;
}

/**
 * Replace `target` so that a crash at any moment leaves either the old or the new content, never a mix:
 * write a temp file beside it, fsync it, rename over the target, fsync the folder so the rename itself
 * survives a power cut. On failure the temp file is removed and the target is untouched.
 * `display` is the name shown to the user (relative to the issue).
 */
export async function writeFileAtomic(fs: FsPort, target: string, data: string | Uint8Array, display = target, opts: WriteOptions = {}): Promise<void> {
  const durable = opts.durable ?? true;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = tempName(target);
  let step = '创建临时文件';
  let created = false;
  try {
    const h = await fs.open(tmp, 'write-exclusive');
    created = true;
    try {
      step = '写入';
      await h.write(bytes);
      step = '同步到磁盘';
      if (durable) await h.sync();
    } finally {
      await h.close().catch(() => undefined);
    }
    step = '替换文件';
    await fs.rename(tmp, target);
    created = false;
    step = '同步文件夹';
    if (durable) await fsyncDir(fs, path.dirname(target));
  } catch (e) {
    if (created) await fs.unlink(tmp).catch(() => undefined);
    throw ioError(display, `保存（${step}）`, e);
  }
}

/** Create a file only if it does not exist yet (content-addressed assets): same durability as above. */
export async function writeFileOnce(fs: FsPort, target: string, data: Uint8Array, display = target, opts: WriteOptions = {}): Promise<'written' | 'existed'> {
  try {
    await fs.stat(target);
    return 'existed';
  } catch {
    // absent: write it
  }
  // A concurrent import of the same picture may win the rename; its bytes are identical by construction.
  await writeFileAtomic(fs, target, data, display, opts);
  return 'written';
}

export async function fsyncDir(fs: FsPort, dir: string): Promise<void> {
  const h = await fs.open(dir, 'read-dir');
  try {
    await h.sync();
  } finally {
    await h.close().catch(() => undefined);
  }
}
