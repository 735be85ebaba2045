import { describe, expect, it } from 'vitest';
import { catalogFonts, wholeFontFiles } from '../../src/core/layout';
import { openSample } from '../renderer/sample-layout';

// The fonts an app can start fetching as soon as it knows an issue: the whole files heading its styles' chains.

describe('font hints of an issue', () => {
  it("names the sample's 楷体 face (one whole file), not the sliced Noto faces", async () => {
    const { meta } = await openSample();
    const hints = wholeFontFiles(meta.styles, meta.house);
    expect(hints.length).toBeGreaterThan(0);
    expect(hints.every((f) => /^fontsource:lxgw-wenkai\/\d{3}\/all$/.test(f))).toBe(true);
    // Each role and weight of the catalog once.
    const fonts = catalogFonts(meta.styles, meta.house);
    expect(new Set(fonts.map((f) => `${f.role}/${f.weight}`)).size).toBe(fonts.length);
    expect(fonts.some((f) => f.role === '楷体')).toBe(true);
  });
  it("puts a house's own 楷体 first, and names nothing when no style is set in a whole-file face", async () => {
    const { meta } = await openSample();
    const house = { ...meta.house, fonts: [{ role: '楷体' as const, weight: 400, file: 'file:/fonts/方正楷体.ttf', index: 0, family: '方正楷体' }] };
    expect(wholeFontFiles(meta.styles, house)).toContain('file:/fonts/方正楷体.ttf');
    expect(wholeFontFiles(meta.styles, house).some((f) => f.includes('lxgw-wenkai'))).toBe(false);
    const noKai = {
      paragraph: meta.styles.paragraph.map((p) => ({ ...p, role: '书宋' as const })),
      character: meta.styles.character.map((c) => ({ ...c, role: undefined })),
    };
    expect(wholeFontFiles(noKai, meta.house)).toEqual([]);
  });
});
