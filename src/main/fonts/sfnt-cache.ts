import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

// Unwrapped fontsource fonts kept on disk: inflating the WOFF tables costs more than the rest of a
// one-page `yeban export` (LXGW WenKai alone is 10 MB of zlib), and the bytes never change for one
// package version, so every process after the first reads plain SFNT instead. The folder is keyed by
// package and version; a file that is not a whole SFNT is ignored and rewritten.

/** The OS cache folder for Yeban: YEBAN_CACHE_DIR, else XDG / Library/Caches / LOCALAPPDATA. */
export function cacheRoot(): string {
  const own = process.env.YEBAN_CACHE_DIR;
  if (own) return own;
  const home = os.homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'yeban');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'yeban', 'Cache');
  return join(process.env.XDG_CACHE_HOME ?? join(home, '.cache'), 'yeban');
}

/** YEBAN_FONT_CACHE=0 turns the disk cache off (every process inflates again). */
export function fontCacheEnabled(): boolean {
  return process.env.YEBAN_FONT_CACHE !== '0';
}

const SFNT_VERSIONS = new Set([0x00010000, 0x74727565, 0x4f54544f]);

/** A complete SFNT: known version, and every table inside the file (a torn write fails this). */
export function isWholeSfnt(b: Uint8Array): boolean {
  if (b.length < 12) return false;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (!SFNT_VERSIONS.has(v.getUint32(0))) return false;
  const n = v.getUint16(4);
  if (n === 0 || 12 + n * 16 > b.length) return false;
  for (let i = 0; i < n; i++) {
    const e = 12 + i * 16;
    if (v.getUint32(e + 8) + v.getUint32(e + 12) > b.length) return false;
  }
  return true;
}

export async function readCached(path: string): Promise<Uint8Array | undefined> {
  try {
    // The Buffer's own memory (a font file is never pooled): copying it doubled the cost of LXGW WenKai's 16 MB.
    const file = await readFile(path);
    const b = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    return isWholeSfnt(b) ? b : undefined;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary name and renames, so a parallel reader never sees half a file. */
export async function writeCached(dir: string, path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch {
    // A read-only or full disk only costs speed: the next process inflates again.
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
