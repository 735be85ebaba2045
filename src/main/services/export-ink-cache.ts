// The highest total ink of a photo, kept on disk by the SHA-256 of its bytes: measuring it needs sharp
// (≈ 80 ms to load libvips, then a decode per photo), and a page is exported again and again through a night
// with the same photos. The value depends only on the bytes and on how it is measured, so the key is the
// content hash plus the measuring method and sharp's version; a changed photo has a new hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheRoot, writeCached } from '../fonts/sfnt-cache';

/** Bump when maxInkOf measures differently. */
const METHOD = 'ink2-256px-max-stored-cmyk';

let version: string | undefined;
function sharpVersion(): string {
  if (version === undefined) {
    try {
      const meta = createRequire(import.meta.url)('sharp/package.json') as { version?: unknown };
      version = typeof meta.version === 'string' ? meta.version : 'unknown';
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

/** YEBAN_IMAGE_CACHE=0 turns the disk cache off (every process measures again). */
function enabled(): boolean {
  return process.env.YEBAN_IMAGE_CACHE !== '0';
}

function location(bytes: Uint8Array): { dir: string; file: string } {
  const hash = createHash('sha256').update(bytes).update(`\u0000${METHOD}\u0000${sharpVersion()}`).digest('hex');
  const dir = join(cacheRoot(), 'ink');
  return { dir, file: join(dir, `${hash}.txt`) };
}

export async function cachedInk(bytes: Uint8Array): Promise<number | undefined> {
  if (!enabled()) return undefined;
  try {
    const text = await readFile(location(bytes).file, 'utf8');
    const v = Number(text.trim());
    return /^\d{1,3}$/.test(text.trim()) && v <= 400 ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function storeInk(bytes: Uint8Array, ink: number): Promise<void> {
  if (!enabled()) return;
  const { dir, file } = location(bytes);
  await writeCached(dir, file, new TextEncoder().encode(`${ink}\n`));
}
