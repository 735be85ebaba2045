import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { cmykTiff } from '../../src/main/services/cmyk-tiff';
import { limitInk } from '../../src/main/services/ink-limit';
import { cmykJpeg, cmykPixels, maxInkOf, separateForNewsprint } from '../../src/main/services/newsprint-separation';

const SAMPLE_ASSETS = join(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban/assets');
const pct = (v: number): number => Math.round((v / 255) * 100);

/** A dark, saturated RGB picture: black at the top through deep red and blue, where coated separations pile ink. */
async function darkRgb(): Promise<sharp.Sharp> {
  const w = 96;
  const h = 64;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px.set([Math.round((x / w) * 120), 0, Math.round((y / h) * 90)], (y * w + x) * 3);
  return sharp(px, { raw: { width: w, height: h, channels: 3 } });
}

describe('newsprint ink limit', () => {
  it('moves the grey component to K and scales C, M and Y down to the limit', () => {
    const px = new Uint8Array([255, 255, 255, 255, 128, 128, 128, 0, 40, 0, 0, 0]);
    const max = limitInk(px, { limitPct: 220, gcr: 0.6 });
    const total = (i: number): number => px[i]! + px[i + 1]! + px[i + 2]! + px[i + 3]!;
    expect(pct(total(0))).toBeLessThanOrEqual(220);
    expect(px[3]).toBe(255); // K keeps the detail
    // A neutral grey stays neutral, with 60 % of its grey component in K.
    expect([px[4], px[5], px[6], px[7]]).toEqual([51, 51, 51, 77]);
    // A light tint without grey component is left alone.
    expect([...px.slice(8)]).toEqual([40, 0, 0, 0]);
    expect(max).toBe(pct(Math.max(total(0), total(4), total(8))));
  });

  it('refuses data that is not whole CMYK pixels', () => {
    expect(() => limitInk(new Uint8Array(5))).toThrow(/不是 4 的倍数/);
  });
});

describe('CMYK pixels in and out of sharp', () => {
  it('a CMYK TIFF and the JPEG made from it keep the values (JPEG rounding aside)', async () => {
    const w = 32;
    const h = 32;
    const px = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) px.set([200, 10, 20, 30], i * 4);
    expect((await sharp(cmykTiff(px, w, h)).metadata()).space).toBe('cmyk');
    const jpeg = await cmykJpeg(px, w, h, 95);
    expect((await sharp(jpeg).metadata()).space).toBe('cmyk');
    const { data } = await cmykPixels(sharp(jpeg));
    for (const [i, v] of [200, 10, 20, 30].entries()) expect(Math.abs(data[i]! - v)).toBeLessThanOrEqual(2);
    expect(() => cmykTiff(px, w + 1, h)).toThrow(/字节/);
  });
});

describe('separation for newsprint', () => {
  it('keeps a dark photo within the house limit where libvips alone exceeds it', async () => {
    const limit = DEFAULT_HOUSE.output.tacLimit;
    const plain = await (await darkRgb()).toColourspace('cmyk').jpeg({ quality: 92 }).toBuffer();
    expect(await maxInkOf(plain)).toBeGreaterThan(limit);
    const limited = await separateForNewsprint(await darkRgb(), limit);
    expect((await sharp(limited).metadata()).space).toBe('cmyk');
    const ink = await maxInkOf(limited);
    expect(ink).toBeLessThanOrEqual(limit);
    expect(ink).toBeGreaterThan(limit - 15); // limited, not washed out
  });

  it('the sample issue ships photos the plant accepts', async () => {
    const files = readdirSync(SAMPLE_ASSETS).filter((f) => f.endsWith('.jpg'));
    expect(files.length).toBe(3);
    for (const f of files) expect(await maxInkOf(readFileSync(join(SAMPLE_ASSETS, f)))).toBeLessThanOrEqual(DEFAULT_HOUSE.output.tacLimit);
  });
});
