// Photo import: JPEG and PNG headers read by hand (checked against sharp), content-addressed storage that
// never overwrites, and refusal with a reason for non-images, truncated files and absurd sizes.
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAsset, openIssue, probeImage, ImageRejected, StoreError } from '../../src/main/store';
import { cleanupTemp, makeIssue, tempDir } from './helpers';

afterAll(cleanupTemp);

const PHOTO = '/usr/share/backgrounds/mate/nature/Aqua.jpg';
let work = '';
const f = (name: string): string => path.join(work, name);

beforeAll(async () => {
  work = tempDir('yeban-img-');
  const base = sharp(PHOTO).resize(400);
  await base.clone().png().withMetadata({ density: 300 }).toFile(f('dpi300.png'));
  await base.clone().toColourspace('cmyk').jpeg().toFile(f('cmyk.jpg'));
  // withMetadata would convert back to sRGB, so the grey JPEG carries no density; the colour one does.
  await base.clone().extractChannel(0).jpeg().toFile(f('gray.jpg'));
  await base.clone().jpeg().withMetadata({ density: 150 }).toFile(f('dpi150.jpg'));
  await base.clone().extractChannel(0).png().toFile(f('gray.png'));
  await base.clone().jpeg().toFile(f('small.jpg'));
});

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A structurally valid PNG claiming the given size (the pixels are never decoded). */
function fakePng(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A structurally valid baseline JPEG header claiming the given size. */
function fakeJpeg(w: number, h: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.alloc(64, 0x55), Buffer.from([0xff, 0xd9])]);
}

const reason = (bytes: Buffer): string => {
  try {
    probeImage(bytes);
  } catch (e) {
    if (e instanceof ImageRejected) return e.reason;
    throw e;
  }
  return 'accepted';
};

describe('image headers', () => {
  it('reads size, colour space and resolution like sharp does', async () => {
    for (const name of ['dpi300.png', 'dpi150.jpg', 'cmyk.jpg', 'gray.jpg', 'gray.png', 'small.jpg']) {
      const bytes = readFileSync(f(name));
      const mine = probeImage(bytes);
      const theirs = await sharp(bytes).metadata();
      expect([mine.widthPx, mine.heightPx], name).toEqual([theirs.width, theirs.height]);
      const space = theirs.space === 'cmyk' ? 'cmyk' : theirs.channels === 1 || theirs.space === 'b-w' ? 'gray' : 'rgb';
      expect(mine.colorSpace, name).toBe(space);
      if (theirs.density && theirs.density !== 72) expect(mine.dpi, name).toBeCloseTo(theirs.density, 0);
    }
    expect(probeImage(readFileSync(f('dpi300.png'))).dpi).toBeCloseTo(300, 0);
    expect(probeImage(readFileSync(f('cmyk.jpg'))).colorSpace).toBe('cmyk');
    expect(probeImage(readFileSync(f('gray.jpg')))).toMatchObject({ colorSpace: 'gray', format: 'jpeg' });
    expect(probeImage(readFileSync(f('gray.png')))).toMatchObject({ colorSpace: 'gray', format: 'png' });
    expect(probeImage(readFileSync(f('dpi150.jpg')))).toMatchObject({ colorSpace: 'rgb', dpi: 150 });
    const photo = probeImage(readFileSync(PHOTO));
    const meta = await sharp(PHOTO).metadata();
    expect([photo.widthPx, photo.heightPx]).toEqual([meta.width, meta.height]);
  });

  it('refuses what is not a whole JPEG or PNG, with the reason', () => {
    const jpg = readFileSync(f('small.jpg'));
    const png = readFileSync(f('dpi300.png'));
    expect(reason(jpg.subarray(0, Math.floor(jpg.length / 2)))).toMatch(/JPEG 文件不完整/);
    expect(reason(jpg.subarray(0, 300))).toMatch(/JPEG 文件不完整/);
    expect(reason(png.subarray(0, png.length - 20))).toMatch(/PNG 文件不完整/);
    expect(reason(png.subarray(0, 40))).toMatch(/PNG 文件不完整/);
    const flipped = Buffer.from(png);
    flipped[18] = flipped[18]! ^ 0xff;
    expect(reason(flipped)).toMatch(/校验失败/);
    expect(reason(Buffer.from('just some words, not a picture'))).toBe('不是 JPEG 或 PNG 图片');
    expect(reason(Buffer.from('GIF89a\x01\x00\x01\x00'))).toMatch(/GIF/);
    expect(reason(Buffer.from('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(reason(Buffer.alloc(0))).toBe('文件是空的');
  });

  it('refuses images over 200 megapixels and accepts those just under', () => {
    expect(reason(fakePng(20_000, 15_000))).toMatch(/图片过大：20000×15000 像素（300 百万像素），上限 200/);
    expect(reason(fakeJpeg(65_000, 4_000))).toMatch(/图片过大/);
    expect(reason(fakePng(14_000, 14_000))).toBe('accepted');
    expect(reason(fakeJpeg(14_000, 14_000))).toBe('accepted');
  });
});

describe('importing photos', () => {
  it('stores by content hash, registers the asset, and imports the same picture only once', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'p.yeban'), []);
    const r = await importAsset(dir, PHOTO, { source: '本报资料' });
    const sha = createHash('sha256').update(readFileSync(PHOTO)).digest('hex');
    expect(r.added).toBe(true);
    expect(r.asset).toMatchObject({ id: `${sha}.jpg`, format: 'jpeg', colorSpace: 'rgb', originalName: 'Aqua.jpg', source: '本报资料', bytes: statSync(PHOTO).size });
    expect(readFileSync(path.join(dir, 'assets', r.asset.id)).equals(readFileSync(PHOTO))).toBe(true);
    const copy = path.join(tempDir(), '另一个名字.jpg');
    copyFileSync(PHOTO, copy);
    const again = await importAsset(dir, copy);
    expect(again.added).toBe(false);
    expect(readdirSync(path.join(dir, 'assets'))).toEqual([r.asset.id]);
    expect((await openIssue(dir)).meta.assets.map((a) => a.id)).toEqual([r.asset.id]);
  });

  it('never overwrites an existing asset file', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'p.yeban'), []);
    const r = await importAsset(dir, f('small.jpg'));
    const file = path.join(dir, 'assets', r.asset.id);
    const mtime = statSync(file).mtimeMs;
    await new Promise((res) => setTimeout(res, 20));
    await importAsset(dir, f('small.jpg'));
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('refuses non-images, truncated files and huge images with the file name and reason, storing nothing', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'p.yeban'), []);
    const cases: [string, Buffer, RegExp][] = [
      ['稿件.docx', Buffer.from('PK\x03\x04 word document'), /不是 JPEG 或 PNG 图片/],
      ['半张.jpg', readFileSync(f('small.jpg')).subarray(0, 2000), /不完整/],
      ['巨幅.png', fakePng(30_000, 30_000), /图片过大/],
    ];
    for (const [name, bytes, why] of cases) {
      const p = path.join(tempDir(), name);
      writeFileSync(p, bytes);
      const err = await importAsset(dir, p).then(() => null, (e: unknown) => e);
      expect(err, name).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('image');
      expect((err as StoreError).message).toContain(name);
      expect((err as StoreError).message).toMatch(why);
    }
    await expect(importAsset(dir, path.join(tempDir(), '没有.jpg'))).rejects.toMatchObject({ kind: 'missing' });
    expect(readdirSync(path.join(dir, 'assets'))).toEqual([]);
    expect((await openIssue(dir)).meta.assets).toEqual([]);
  });
});
