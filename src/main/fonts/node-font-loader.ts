import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { isDerivedFamily, parseFontFile, type FontLoader } from '../../core/fonts';
import { cutSlice, derivedSlice } from './derived-slice';
import { cacheRoot, fontCacheEnabled, readCached, writeCached } from './sfnt-cache';
import { isWoff, woffToSfnt } from './woff-to-sfnt';

// Reads font bytes for core in Node (main process, CLI, tests, bench). Bundled faces come from the
// @fontsource packages in node_modules; newsroom fonts from absolute paths. WOFF is unwrapped to SFNT here
// (zlib in Node is fast; fontkit's own WOFF path is slow and fails on some slices) so fontkit and the PDF
// writer both get plain TrueType. Bytes are kept per process (the composer and the PDF writer ask for the
// same files) and, for fontsource files, unwrapped once per package version into the OS cache folder.

const resolveFrom = createRequire(import.meta.url);

function packageDir(pkg: string): string {
  try {
    return dirname(resolveFrom.resolve(`@fontsource/${pkg}/package.json`));
  } catch {
    throw new Error(`找不到字体包 @fontsource/${pkg}（请运行 npm install）`);
  }
}

export function fontsourcePath(pkg: string, weight: number, slice: string): string {
  const name = slice === 'all' ? `${pkg}-latin-${weight}-normal.woff` : `${pkg}-${slice}-${weight}-normal.woff`;
  return join(packageDir(pkg), 'files', name);
}

async function readFont(path: string, file: string): Promise<Uint8Array> {
  try {
    const file = await readFile(path);
    return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`无法读取字体文件 ${path}（${file}）：${code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
  }
}

function packageVersion(pkg: string): string {
  const meta = resolveFrom(`@fontsource/${pkg}/package.json`) as { version?: unknown };
  return typeof meta.version === 'string' ? meta.version : 'unknown';
}

async function loadFontsource(pkg: string, weight: number, slice: string, file: string): Promise<Uint8Array> {
  const path = fontsourcePath(pkg, weight, slice);
  if (!fontCacheEnabled()) return woffToSfnt(await readFont(path, file), path);
  const dir = join(cacheRoot(), 'fonts', `${pkg}@${packageVersion(pkg)}`);
  const cached = join(dir, `${weight}-${slice}.ttf`);
  const hit = await readCached(cached);
  if (hit) return hit;
  const bytes = woffToSfnt(await readFont(path, file), path);
  await writeCached(dir, cached, bytes);
  return bytes;
}

export class NodeFontLoader implements FontLoader {
  private readonly loaded = new Map<string, Promise<Uint8Array>>();

  load(file: string): Promise<Uint8Array> {
    let bytes = this.loaded.get(file);
    if (!bytes) {
      bytes = this.read(file);
      // A failed read is not remembered: the file may appear (npm install) before the next try.
      bytes.catch(() => this.loaded.delete(file));
      this.loaded.set(file, bytes);
    }
    return bytes;
  }

  private async read(file: string): Promise<Uint8Array> {
    const ref = parseFontFile(file);
    if (ref.kind === 'file') {
      if (!isAbsolute(ref.path)) throw new Error(`字体路径必须是绝对路径：${ref.path}`);
      const bytes = await readFont(ref.path, file);
      return isWoff(bytes) ? woffToSfnt(bytes, ref.path) : bytes;
    }
    if (ref.slice !== 'all' && isDerivedFamily(ref.pkg)) return this.cut(ref.pkg, ref.weight, ref.slice, file);
    return loadFontsource(ref.pkg, ref.weight, ref.slice, file);
  }

  /** A slice of a family shipped whole, cut once per package version and slice table, then read from the cache. */
  private async cut(pkg: string, weight: number, slice: string, file: string): Promise<Uint8Array> {
    const wanted = derivedSlice(pkg, weight, slice, file);
    const whole = (): Promise<Uint8Array> => this.load(`fontsource:${pkg}/${weight}/all`);
    if (!fontCacheEnabled()) return cutSlice(await whole(), wanted);
    const dir = join(cacheRoot(), 'fonts', `${pkg}@${packageVersion(pkg)}`);
    const cached = join(dir, `${weight}-${slice}-${wanted.digest}.ttf`);
    const hit = await readCached(cached);
    if (hit) return hit;
    const bytes = await cutSlice(await whole(), wanted);
    await writeCached(dir, cached, bytes);
    return bytes;
  }
}

/** One loader per process, so parsed faces are shared by every registry (see FontRegistry). */
export const nodeFontLoader: FontLoader = new NodeFontLoader();
