// Photos as the plate needs them: CMYK (or gray) JPEG. RGB photos and PNGs are converted here with sharp
// (LittleCMS inside libvips), to the plant's CMYK profile when one is given, else to libvips' CMYK profile;
// the preflight reports each conversion so the desk knows what changed. sharp is loaded only when a photo
// needs it (≈ 80 ms of a one-page export otherwise): CMYK JPEGs whose ink was measured before need nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageFacts, type ImageFacts } from '../../core/pdf';
import type sharpFn from 'sharp';
import { cachedInk, storeInk } from './export-ink-cache';

type Sharp = typeof sharpFn;
let sharpModule: Promise<Sharp> | undefined;
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

export interface PreparedImages {
  readonly bytes: ReadonlyMap<string, Uint8Array>;
  readonly facts: ReadonlyMap<string, ImageFacts>;
  /**
   * Highest total ink (C+M+Y+K, percent) of each CMYK photo, measured at ≤ 256 px: ink limits concern
   * areas, not single noisy pixels, and JPEG shrink-on-load makes it cheap.
   */
  readonly maxInk: ReadonlyMap<string, number>;
  readonly errors: ReadonlyMap<string, string>;
  readonly converted: ReadonlyMap<string, string>;
}

interface Prepared {
  readonly bytes: Uint8Array;
  readonly facts: ImageFacts;
  readonly converted: string | null;
  readonly maxInk: number | null;
}

async function maxInkOf(bytes: Uint8Array): Promise<number> {
  const known = await cachedInk(bytes);
  if (known !== undefined) return known;
  const sharp = await loadSharp();
  const { data } = await sharp(bytes).resize({ width: 256, height: 256, fit: 'inside', withoutEnlargement: true }).toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  let max = 0;
  for (let i = 0; i + 3 < data.length; i += 4) max = Math.max(max, data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]!);
  const ink = Math.round((max / 255) * 100);
  await storeInk(bytes, ink);
  return ink;
}

// Assets are content-addressed and never rewritten, so a conversion stays valid for the process.
const cache = new Map<string, Promise<Prepared>>();

export function clearImageCache(): void {
  cache.clear();
}

async function prepare(file: string, profilePath: string | undefined): Promise<Prepared> {
  let original: Uint8Array;
  try {
    original = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `文件不存在：${file}` : `无法读取 ${file}：${(e as Error).message}`);
  }
  const facts = imageFacts(original);
  if (facts.format === 'jpeg' && facts.color !== 'rgb') {
    return { bytes: original, facts, converted: null, maxInk: facts.color === 'cmyk' ? await maxInkOf(original) : null };
  }
  // RGB JPEG, or any PNG (PDF/X-1a allows no soft mask, and PNG photos embed huge): CMYK JPEG on white.
  const sharp = await loadSharp();
  let img = sharp(original).flatten({ background: '#ffffff' });
  const gray = facts.color === 'gray';
  img = gray ? img.toColourspace('b-w') : profilePath ? img.withIccProfile(profilePath, { attach: false }) : img.toColourspace('cmyk');
  const out = new Uint8Array(await img.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer());
  const convertedFacts = imageFacts(out);
  if (!gray && convertedFacts.color !== 'cmyk') throw new Error(`转换后仍不是 CMYK（${convertedFacts.color}）`);
  const what = `${facts.format === 'png' ? 'PNG' : 'JPEG'} ${facts.color === 'rgb' ? 'RGB' : facts.color === 'gray' ? '灰度' : 'CMYK'}`;
  const to = gray ? '灰度 JPEG' : `CMYK JPEG（${profilePath ? `印厂特性文件 ${path.basename(profilePath)}` : 'libvips 默认 CMYK 特性文件'}）`;
  return { bytes: out, facts: convertedFacts, converted: `已由 ${what} 转为 ${to}`, maxInk: gray ? null : await maxInkOf(out) };
}

export async function prepareImages(assetsDir: string, assetIds: Iterable<string>, profilePath?: string): Promise<PreparedImages> {
  const bytes = new Map<string, Uint8Array>();
  const facts = new Map<string, ImageFacts>();
  const errors = new Map<string, string>();
  const converted = new Map<string, string>();
  const maxInk = new Map<string, number>();
  const ids = [...new Set(assetIds)];
  const results = await Promise.allSettled(
    ids.map((id) => {
      const key = `${assetsDir}\u0000${id}\u0000${profilePath ?? ''}`;
      let p = cache.get(key);
      if (!p) {
        p = prepare(path.join(assetsDir, id), profilePath);
        p.catch(() => cache.delete(key));
        cache.set(key, p);
      }
      return p;
    }),
  );
  results.forEach((r, i) => {
    const id = ids[i]!;
    if (r.status === 'rejected') {
      errors.set(id, (r.reason as Error).message);
      return;
    }
    bytes.set(id, r.value.bytes);
    facts.set(id, r.value.facts);
    if (r.value.converted) converted.set(id, r.value.converted);
    if (r.value.maxInk !== null) maxInk.set(id, r.value.maxInk);
  });
  return { bytes, facts, maxInk, errors, converted };
}
