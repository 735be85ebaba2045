import { type TextFinding } from './types';

// Characters no font of the page can draw would print as tofu or vanish: the coverage predicate comes
// from the fonts layer, so this check knows nothing about font files.

export function findMissingGlyphs(text: string, covers: (codePoint: number) => boolean): TextFinding[] {
  const out: TextFinding[] = [];
  const seen = new Map<number, boolean>();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp > 0x20 && cp !== 0x3000 && cp !== 0xa0) {
      let ok = seen.get(cp);
      if (ok === undefined) {
        ok = covers(cp);
        seen.set(cp, ok);
      }
      if (!ok) {
        const ch = String.fromCodePoint(cp);
        out.push({ offset: i, length: width, rule: 'no-glyph', message: `字库中没有“${ch}”（U+${cp.toString(16).toUpperCase().padStart(4, '0')}）`, suggestion: ch });
      }
    }
    i += width - 1;
  }
  return out;
}
