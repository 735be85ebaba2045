import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fontsourcePath, NodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { isWholeSfnt } from '../../src/main/fonts/sfnt-cache';
import { woffToSfnt } from '../../src/main/fonts/woff-to-sfnt';

// The unwrapped-font disk cache: same bytes as unwrapping the WOFF, written once, never trusted when torn.
const FILE = 'fontsource:noto-serif-sc/400/119';

describe('fontsource disk cache', () => {
  let dir = '';
  const saved = process.env.YEBAN_CACHE_DIR;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-font-cache-'));
    process.env.YEBAN_CACHE_DIR = dir;
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.YEBAN_CACHE_DIR;
    else process.env.YEBAN_CACHE_DIR = saved;
    await rm(dir, { recursive: true, force: true });
  });

  async function cachedFile(): Promise<string> {
    const pkgDirs = await readdir(path.join(dir, 'fonts'));
    expect(pkgDirs).toEqual([expect.stringMatching(/^noto-serif-sc@\d+\.\d+\.\d+$/)]);
    return path.join(dir, 'fonts', pkgDirs[0]!, '400-119.ttf');
  }

  it('stores the unwrapped SFNT and serves it to the next process unchanged', async () => {
    const woff = new Uint8Array(await readFile(fontsourcePath('noto-serif-sc', 400, '119')));
    const expected = woffToSfnt(woff, 'test');
    const first = await new NodeFontLoader().load(FILE);
    expect(Buffer.from(first).equals(Buffer.from(expected))).toBe(true);
    const onDisk = new Uint8Array(await readFile(await cachedFile()));
    expect(Buffer.from(onDisk).equals(Buffer.from(expected))).toBe(true);
    const second = await new NodeFontLoader().load(FILE); // a fresh loader: reads the cache
    expect(Buffer.from(second).equals(Buffer.from(expected))).toBe(true);
  });

  it('replaces a torn cache file instead of handing it to fontkit', async () => {
    const good = await new NodeFontLoader().load(FILE);
    const file = await cachedFile();
    await writeFile(file, good.subarray(0, good.length >> 1));
    const again = await new NodeFontLoader().load(FILE);
    expect(Buffer.from(again).equals(Buffer.from(good))).toBe(true);
    expect((await readFile(file)).length).toBe(good.length);
  });

  it('gives one load per file within a process', async () => {
    const loader = new NodeFontLoader();
    const [a, b] = await Promise.all([loader.load(FILE), loader.load(FILE)]);
    expect(a).toBe(b);
  });

  it('recognises whole and truncated SFNT data', async () => {
    const good = await new NodeFontLoader().load(FILE);
    expect(isWholeSfnt(good)).toBe(true);
    expect(isWholeSfnt(good.subarray(0, 100))).toBe(false);
    expect(isWholeSfnt(new Uint8Array(12))).toBe(false);
  });
});
