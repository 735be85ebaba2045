// The photo ink measure is kept on disk by content hash, so a re-export of the same page needs no sharp.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearImageCache, prepareImages } from '../../src/main/services/export-images';

let saved: string | undefined;
let cache: string;
let assets: string;

beforeEach(async () => {
  saved = process.env.YEBAN_CACHE_DIR;
  cache = mkdtempSync(join(tmpdir(), 'yeban-ink-cache-'));
  process.env.YEBAN_CACHE_DIR = cache;
  assets = mkdtempSync(join(tmpdir(), 'yeban-ink-assets-'));
  // A dark CMYK photo: high total ink.
  const rgb = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#202020' } }).png().toBuffer();
  writeFileSync(join(assets, 'dark.jpg'), await sharp(rgb).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer());
  clearImageCache();
});

afterEach(() => {
  if (saved === undefined) delete process.env.YEBAN_CACHE_DIR;
  else process.env.YEBAN_CACHE_DIR = saved;
  clearImageCache();
});

describe('photo ink cache', () => {
  it('measures once, keeps the value by content hash, and reads it back in a later export', async () => {
    const first = await prepareImages(assets, ['dark.jpg'], 220);
    const ink = first.maxInk.get('dark.jpg')!;
    expect(ink).toBeGreaterThan(150);
    const files = readdirSync(join(cache, 'ink'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.txt$/);
    expect(readFileSync(join(cache, 'ink', files[0]!), 'utf8').trim()).toBe(String(ink));

    // A later process (the in-memory cache cleared) takes the stored value: shown by planting a different one.
    writeFileSync(join(cache, 'ink', files[0]!), '123\n');
    clearImageCache();
    expect((await prepareImages(assets, ['dark.jpg'], 220)).maxInk.get('dark.jpg')).toBe(123);

    // A damaged entry is measured again and rewritten.
    writeFileSync(join(cache, 'ink', files[0]!), 'garbage');
    clearImageCache();
    expect((await prepareImages(assets, ['dark.jpg'], 220)).maxInk.get('dark.jpg')).toBe(ink);
    expect(readFileSync(join(cache, 'ink', files[0]!), 'utf8').trim()).toBe(String(ink));
  });

  it('is off with YEBAN_IMAGE_CACHE=0', async () => {
    process.env.YEBAN_IMAGE_CACHE = '0';
    try {
      await prepareImages(assets, ['dark.jpg'], 220);
      expect(() => readdirSync(join(cache, 'ink'))).toThrow();
    } finally {
      delete process.env.YEBAN_IMAGE_CACHE;
    }
  });
});
