// Photos as the plate needs them: CMYK (or gray) JPEG. RGB photos and PNGs are converted here with sharp
// (LittleCMS inside libvips), to the plant's CMYK profile when one is given, else to libvips' CMYK profile
// limited to the house's total ink for newsprint (newsprint-separation.ts); the preflight reports each
// conversion so the desk knows what changed. sharp is loaded only when a photo needs it (≈ 80 ms of a
// one-page export otherwise): CMYK JPEGs whose ink was measured before need nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageFacts, type ImageFacts } from '../../core/pdf';
import { cachedInk, storeInk } from './export-ink-cache';
import { loadSharp } from './load-sharp';
import { maxInkOf as measureInk, separateForNewsprint } from './newsprint-separation';

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
  const ink = await measureInk(bytes);
  await storeInk(bytes, ink);
  return ink;
}

// Assets are content-addressed and never rewritten, so a conversion stays valid for the process.
const cache = new Map<string, Promise<Prepared>>();

export function clearImageCache(): void {
  cache.clear();
}

async function prepare(file: string, profilePath: string | undefined, tacLimit: number): Promise<Prepared> {
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
  const img = sharp(original).flatten({ background: '#ffffff' });
  const gray = facts.color === 'gray';
  const jpeg = { quality: 92, chromaSubsampling: '4:4:4' } as const;
  const out = new Uint8Array(
    gray
      ? await img.toColourspace('b-w').jpeg(jpeg).toBuffer()
      : profilePath
        ? await img.withIccProfile(profilePath, { attach: false }).jpeg(jpeg).toBuffer()
        : await separateForNewsprint(img, tacLimit, jpeg.quality),
  );
  const convertedFacts = imageFacts(out);
  if (!gray && convertedFacts.color !== 'cmyk') throw new Error(`转换后仍不是 CMYK（${convertedFacts.color}）`);
  const what = `${facts.format === 'png' ? 'PNG' : 'JPEG'} ${facts.color === 'rgb' ? 'RGB' : facts.color === 'gray' ? '灰度' : 'CMYK'}`;
  const to = gray ? '灰度 JPEG' : `CMYK JPEG（${profilePath ? `印厂特性文件 ${path.basename(profilePath)}` : `libvips 默认 CMYK 特性文件，灰成分替代，总墨量 ≤ ${tacLimit}%`}）`;
  return { bytes: out, facts: convertedFacts, converted: `已由 ${what} 转为 ${to}`, maxInk: gray ? null : await maxInkOf(out) };
}

/** `tacLimit`: the house's total ink limit (percent), for photos separated without the plant's profile. */
export async function prepareImages(assetsDir: string, assetIds: Iterable<string>, tacLimit: number, profilePath?: string): Promise<PreparedImages> {
  const bytes = new Map<string, Uint8Array>();
  const facts = new Map<string, ImageFacts>();
  const errors = new Map<string, string>();
  const converted = new Map<string, string>();
  const maxInk = new Map<string, number>();
  const ids = [...new Set(assetIds)];
  const results = await Promise.allSettled(
    ids.map((id) => {
      const key = `${assetsDir}\u0000${id}\u0000${profilePath ?? ''}\u0000${tacLimit}`;
      let p = cache.get(key);
      if (!p) {
        p = prepare(path.join(assetsDir, id), profilePath, tacLimit);
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
