// CMYK JPEG for newsprint from any picture sharp can read, when the plant has given no profile: libvips'
// CMYK separation, then grey component replacement and the house ink limit (ink-limit.ts). With the
// plant's profile its own separation rules apply instead (export-images.ts).
import type sharp from 'sharp';
import { cmykTiff } from './cmyk-tiff';
import { limitInk, NEWSPRINT_INK } from './ink-limit';
import { loadSharp } from './load-sharp';

/**
 * The picture's CMYK values as stored. Without `pipelineColourspace('cmyk')` libvips would take a CMYK
 * input through its profile to Lab and back, which moves every value.
 */
export function cmykPixels(img: sharp.Sharp): Promise<{ data: Buffer; info: sharp.OutputInfo }> {
  return img.pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
}

/**
 * Highest total ink (C+M+Y+K, percent) of a CMYK picture, measured at ≤ 256 px: ink limits concern
 * areas, not single noisy pixels, and JPEG shrink-on-load makes it cheap.
 */
export async function maxInkOf(bytes: Uint8Array): Promise<number> {
  const sharp = await loadSharp();
  const { data } = await cmykPixels(sharp(bytes).resize({ width: 256, height: 256, fit: 'inside', withoutEnlargement: true }));
  let max = 0;
  for (let i = 0; i + 3 < data.length; i += 4) max = Math.max(max, data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]!);
  return Math.round((max / 255) * 100);
}

/** Encodes 8-bit CMYK pixels as a CMYK JPEG, values unchanged but for JPEG's own rounding. */
export async function cmykJpeg(pixels: Uint8Array, width: number, height: number, quality: number): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(cmykTiff(pixels, width, height)).pipelineColourspace('cmyk').toColourspace('cmyk').jpeg({ quality, chromaSubsampling: '4:4:4' }).toBuffer();
}

/**
 * `img` flattened (no alpha) and already sized; returns a CMYK JPEG whose total ink, as the preflight
 * measures it, is within `limitPct`. JPEG's rounding lifts peaks by a few percent, so the aim is lowered
 * by the overshoot until the encoded file passes.
 */
export async function separateForNewsprint(img: sharp.Sharp, limitPct: number, quality = 92): Promise<Buffer> {
  const { data, info } = await img.toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`分色结果应为 4 个通道，实为 ${info.channels}`);
  let aim = limitPct;
  for (let attempt = 0; ; attempt++) {
    const pixels = new Uint8Array(data);
    limitInk(pixels, { ...NEWSPRINT_INK, limitPct: aim });
    const jpeg = await cmykJpeg(pixels, info.width, info.height, quality);
    const ink = await maxInkOf(jpeg);
    if (ink <= limitPct || attempt === 4) return jpeg;
    aim -= ink - limitPct + 1;
  }
}
