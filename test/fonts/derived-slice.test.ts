import { describe, expect, it } from 'vitest';
import { sliceCodePoints, sliceTable } from '../../src/core/fonts';
import { parseFace } from '../../src/core/fonts/face';
import { cutSlice, derivedSlice } from '../../src/main/fonts/derived-slice';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

// LXGW WenKai ships as one 16 MB file; the main process cuts it into slices like Noto's. A cut slice must draw
// exactly what the whole file draws: the same glyph outline and advance for every character, the same `vert` form
// in vertical text, the same —— ligature and the same vertical metrics.

const WHOLE = 'fontsource:lxgw-wenkai/500/all';

describe('slices cut from LXGW WenKai', () => {
  it('every character of the slices holding 国，（— and a rare-character slice draws as in the whole file', async () => {
    const wholeBytes = await nodeFontLoader.load(WHOLE);
    const whole = parseFace(WHOLE, 'LXGW WenKai', 500, wholeBytes);
    const owner = sliceTable('lxgw-wenkai', 500).owner;
    const slices = new Set([0x56fd, 0xff0c, 0xff08, 0x2014].map((cp) => owner.get(cp)!));
    slices.add('x0');
    let characters = 0;
    for (const slice of slices) {
      const file = `fontsource:lxgw-wenkai/500/${slice}`;
      const cut = derivedSlice('lxgw-wenkai', 500, slice, file);
      const face = parseFace(file, 'LXGW WenKai', 500, await cutSlice(wholeBytes, cut));
      expect([face.unitsPerEm, face.ascent, face.descent]).toEqual([whole.unitsPerEm, whole.ascent, whole.descent]);
      expect(face.glyphCount).toBeLessThan(whole.glyphCount / 10);
      for (const cp of cut.codePoints) {
        const a = whole.glyph(cp)!;
        const b = face.glyph(cp);
        expect(b, `U+${cp.toString(16)} in slice ${slice}`).not.toBeNull();
        expect(b!.advance).toBe(a.advance);
        expect(face.glyphOutline(b!.gid)).toEqual(whole.glyphOutline(a.gid));
        const va = whole.verticalGlyph(cp);
        const vb = face.verticalGlyph(cp);
        expect(vb === null, `vert form of U+${cp.toString(16)}`).toBe(va === null);
        if (va !== null) expect(face.glyphOutline(vb!)).toEqual(whole.glyphOutline(va));
        characters++;
      }
      if (cut.codePoints.includes(0x2014)) expect(face.dashLigature()!.advance).toBe(whole.dashLigature()!.advance);
    }
    expect(characters).toBeGreaterThan(1000);
  });

  it('names each cut by its characters, so a changed slice table never reads an old cut from the cache', () => {
    const a = derivedSlice('lxgw-wenkai', 500, '117', 'fontsource:lxgw-wenkai/500/117');
    expect(a.codePoints).toEqual(sliceCodePoints('lxgw-wenkai', 500, '117'));
    expect(derivedSlice('lxgw-wenkai', 500, '117', '').digest).toBe(a.digest);
    expect(derivedSlice('lxgw-wenkai', 500, '116', '').digest).not.toBe(a.digest);
    expect(() => derivedSlice('lxgw-wenkai', 500, 'nope', 'fontsource:lxgw-wenkai/500/nope')).toThrow(/字体分片不存在/);
  });

  it('the loader hands out a cut slice, a few tens of kilobytes, for a WenKai slice path', async () => {
    const bytes = await nodeFontLoader.load('fontsource:lxgw-wenkai/500/117');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.length).toBeLessThan(300_000);
    expect(parseFace('fontsource:lxgw-wenkai/500/117', 'LXGW WenKai', 500, bytes).has(sliceCodePoints('lxgw-wenkai', 500, '117')[0]!)).toBe(true);
  });
});
