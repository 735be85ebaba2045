// The merged subset font: glyphs from several source fonts renumbered densely, composite glyphs keeping
// their components (renumbered too), advances and outlines unchanged.
import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { buildSubset } from '../../src/core/pdf/font-subset';
import { loadFace, parseSfnt, type SfntFace } from '../../src/core/pdf';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

// A TrueType font with composite glyphs (é = e + acute), as a newsroom's own Latin font would have.
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Glyph bytes without the subset's 4-byte alignment padding. */
const outline = (face: SfntFace, gid: number, length: number): Buffer => Buffer.from(face.glyph(gid).subarray(0, length));

describe('buildSubset', () => {
  it('merges glyphs of two slices into one font, in the given order, with their outlines and advances', async () => {
    const a = await loadFace(nodeFontLoader, 'fontsource:noto-serif-sc/400/117');
    const b = await loadFace(nodeFontLoader, 'fontsource:noto-serif-sc/400/latin');
    const glyphs = [{ face: 0, gid: 0 }, { face: 1, gid: 20 }, { face: 0, gid: 40 }, { face: 1, gid: 20 }, { face: 0, gid: 41 }];
    const merged = await parseSfnt(buildSubset([a, b], glyphs));
    expect(merged.numGlyphs).toBe(glyphs.length);
    glyphs.forEach(({ face, gid }, i) => {
      const src = [a, b][face]!;
      expect(outline(merged, i, src.glyph(gid).length).equals(Buffer.from(src.glyph(gid)))).toBe(true);
      expect(merged.advance(i)).toBe(src.advance(gid));
      expect(merged.lsb(i)).toBe(src.lsb(gid));
    });
  });

  it.skipIf(!existsSync(DEJAVU))('appends the components of a composite glyph and points it at their new ids', async () => {
    const bytes = new Uint8Array(readFileSync(DEJAVU));
    const face = await parseSfnt(bytes);
    const eAcute = (fontkit.create(Buffer.from(bytes)) as fontkit.FontkitFont).glyphForCodePoint(0xe9).id;
    const parts = face.components(eAcute);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const merged = await parseSfnt(buildSubset([face], [{ face: 0, gid: 0 }, { face: 0, gid: eAcute }]));
    expect(merged.numGlyphs).toBe(2 + parts.length);
    expect(merged.components(1)).toEqual(parts.map((_, k) => 2 + k));
    parts.forEach((p, k) => {
      expect(outline(merged, 2 + k, face.glyph(p).length).equals(Buffer.from(face.glyph(p)))).toBe(true);
    });
    // Everything but the component ids is the source's composite record.
    const src = face.glyph(eAcute);
    const got = merged.glyph(1).subarray(0, src.length);
    expect([...got].filter((v, i) => v !== src[i]).length).toBeLessThanOrEqual(2 * parts.length);
  });
});
