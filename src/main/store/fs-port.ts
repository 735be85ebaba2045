import * as fsp from 'node:fs/promises';
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';

/**
 * Every disk access of the store goes through this interface, so tests can make any single step fail the
 * way real disks do (EACCES, EROFS, ENOSPC, EIO): the tests run as root, where permissions prove nothing.
 */
export interface FileHandlePort {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type OpenMode = 'write-new' | 'write-exclusive' | 'read-dir';

export interface FsPort {
  readFile(path: string): Promise<Buffer>;
  /** The first `length` bytes (or fewer, if the file is shorter): enough to tell what a file is. */
  readHead(path: string, length: number): Promise<Buffer>;
  /** write-new: create or truncate; write-exclusive: fail with EEXIST if present; read-dir: a folder, to fsync it. */
  open(path: string, mode: OpenMode): Promise<FileHandlePort>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<Stats>;
  lstat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
  appendFile(path: string, data: string): Promise<void>;
}

const FLAGS: Record<OpenMode, number> = {
  'write-new': constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC,
  'write-exclusive': constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
  'read-dir': constants.O_RDONLY,
};

export const nodeFs: FsPort = {
  readFile: (p) => fsp.readFile(p),
  async readHead(p, length) {
    const h = await fsp.open(p, constants.O_RDONLY);
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await h.read(buf, 0, length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await h.close();
    }
  },
  async open(p, mode) {
    const h = await fsp.open(p, FLAGS[mode], 0o666);
    return {
      async write(data) {
        let off = 0;
        while (off < data.byteLength) {
          const { bytesWritten } = await h.write(data, off, data.byteLength - off);
          off += bytesWritten;
        }
      },
      sync: () => h.sync(),
      close: () => h.close(),
    };
  },
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  mkdir: async (p) => { await fsp.mkdir(p, { recursive: true }); },
  rmdir: (p) => fsp.rmdir(p),
  readdir: (p) => fsp.readdir(p),
  stat: (p) => fsp.stat(p),
  lstat: (p) => fsp.lstat(p),
  realpath: (p) => fsp.realpath(p),
  appendFile: (p, d) => fsp.appendFile(p, d, 'utf8'),
};

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
}

export async function exists(fs: FsPort, p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return false;
    throw e;
  }
}
