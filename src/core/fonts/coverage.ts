import type { FontFileRef } from '../model/house';
import { FONT_ROLES } from '../model/style';
import { parseFace, type Face } from './face';
import type { FontLoader } from './loader';
import { sourceChain, type FontSource } from './roles';
import { sliceTable } from './slice-index';

// Which characters some font of the issue can draw, over every role's whole chain: the newsroom's registered
// fonts and the bundled families. The bundled ones are all sliced (Noto, and LXGW WenKai cut by the loader), so
// the build-time slice index answers for them with no file read; a house font is parsed only when a character is
// in no bundled slice. Proofreading asks
// this before it reports "no font can draw"; the composer's registry resolves glyphs through the same chains.

/** Weights the chains are asked at: every weight a style may name resolves to one of these sources. */
const WEIGHTS = [100, 200, 300, 400, 500, 600, 700, 800, 900];

/** Every font source of every role's chain at every weight, once each. */
export function coverageSources(house: readonly FontFileRef[]): FontSource[] {
  const seen = new Map<string, FontSource>();
  for (const role of FONT_ROLES) {
    for (const w of WEIGHTS) {
      for (const src of sourceChain(role, w, house)) {
        const key = src.kind === 'whole' ? src.file : `${src.pkg}/${src.weight}`;
        if (!seen.has(key)) seen.set(key, src);
      }
    }
  }
  return [...seen.values()];
}

const parsed = new WeakMap<FontLoader, Map<string, Promise<Face>>>();

function loadWhole(loader: FontLoader, src: Extract<FontSource, { kind: 'whole' }>): Promise<Face> {
  let cache = parsed.get(loader);
  if (!cache) parsed.set(loader, (cache = new Map()));
  let p = cache.get(src.file);
  if (!p) {
    p = loader.load(src.file).then((bytes) => parseFace(src.file, src.family, src.weight, bytes));
    cache.set(src.file, p);
    p.catch(() => cache.delete(src.file));
  }
  return p;
}

/** Spaces are set as space, never drawn: they need no glyph. */
function needsGlyph(cp: number): boolean {
  return cp > 0x20 && cp !== 0x7f && cp !== 0xa0 && cp !== 0x3000;
}

/**
 * Whether some font of the role chains can draw each character of `text`: a predicate that answers for the
 * characters of `text` (for any other character it knows only the bundled slices). A house font that cannot be
 * read covers nothing, so its characters are reported rather than silently trusted.
 */
export async function coverageFor(text: string, loader: FontLoader, house: readonly FontFileRef[]): Promise<(codePoint: number) => boolean> {
  const sources = coverageSources(house);
  const owners = sources.flatMap((s) => (s.kind === 'sliced' ? [sliceTable(s.pkg, s.weight).owner] : []));
  const sliced = (cp: number): boolean => owners.some((o) => o.has(cp));
  const pending = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (needsGlyph(cp) && !sliced(cp)) pending.add(cp);
  }
  const drawn = new Set<number>();
  for (const src of sources) {
    if (pending.size === 0) break;
    if (src.kind !== 'whole') continue;
    let face: Face;
    try {
      face = await loadWhole(loader, src);
    } catch (_error) {
      continue;
    }
    for (const cp of [...pending]) {
      if (face.has(cp)) {
        drawn.add(cp);
        pending.delete(cp);
      }
    }
  }
  // Proofreading asks once per character and field: remember the answers (a binary search per slice table).
  const known = new Map<number, boolean>();
  return (cp) => {
    let ok = known.get(cp);
    if (ok === undefined) known.set(cp, (ok = !needsGlyph(cp) || drawn.has(cp) || sliced(cp)));
    return ok;
  };
}
