import { createHash } from 'node:crypto';
import { sliceCodePoints } from '../../core/fonts';

// One slice of a family fontsource ships as a single file (LXGW WenKai: 16 MB), cut by HarfBuzz's subsetter: the
// glyphs of the slice's characters and whatever their layout features reach (the `vert` forms of punctuation,
// the —— ligature), outlines, advances and vertical metrics unchanged. The renderer then fetches a page's few
// hundred kilobytes of 楷体 instead of the whole file, as it does for Noto's slices.

export interface DerivedSlice {
  readonly codePoints: readonly number[];
  /** Names the cut in the disk cache: a changed slice table (build-font-index.mjs) never reads an old cut. */
  readonly digest: string;
}

export function derivedSlice(pkg: string, weight: number, slice: string, file: string): DerivedSlice {
  const codePoints = sliceCodePoints(pkg, weight, slice);
  if (codePoints.length === 0) throw new Error(`字体分片不存在：${file}`);
  const digest = createHash('sha256').update(Int32Array.from(codePoints)).digest('hex').slice(0, 12);
  return { codePoints, digest };
}

export async function cutSlice(whole: Uint8Array, slice: DerivedSlice): Promise<Uint8Array> {
  // Loaded on the first cut only: once the cache holds the slices, no process pays for loading the subsetter.
  const { default: subsetFont } = await import('subset-font');
  let text = '';
  for (const cp of slice.codePoints) text += String.fromCodePoint(cp);
  const out = await subsetFont(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength), text, { targetFormat: 'truetype' });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
