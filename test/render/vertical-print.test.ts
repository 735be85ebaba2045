// A vertical headline (竖题) drawn by the screen renderer (SVG → resvg) and by the PDF (→ pdftoppm) must agree:
// turned brackets and dashes, vert forms and 纵中横 digits land on the same pixels in both.
import { describe, expect, it } from 'vitest';
import type { DisplayPage, GlyphItem } from '../../src/core/display/types';
import { FontRegistry } from '../../src/core/fonts';
import { setVerticalText } from '../../src/core/layout/vertical-set';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { disagreement, screenAndPrint } from '../pdf/tools';

const DPI = 144; // 2 px per pt
const TEXT = '第12届“巾帼”，（开工）——进行时……、';
const K = { c: 0, m: 0, y: 0, k: 1 };

async function page(rotateAll: boolean): Promise<DisplayPage> {
  const fonts = new FontRegistry(nodeFontLoader);
  const font = { role: '标宋', weight: 900 } as const;
  await fonts.ensure(TEXT, [font]);
  const set = setVerticalText(TEXT, fonts, { font, size: 24, scaleX: 1, scaleY: 1, trackingEm: 0, color: K });
  const items: GlyphItem[] = set.glyphs.map((g) => ({ ...g, x: g.x + 60, y: g.y + 20 }));
  // The failing case: forget the turn (as an output that ignored `rotate` would).
  const drawn = rotateAll ? items.map((g) => (g.rotate ? ({ ...g, rotate: undefined } as GlyphItem) : g)) : items;
  const faces = fonts.faceTable();
  return { pageId: 'p', number: '01', width: 120, height: 560, items: drawn, faces, frames: [] };
}

async function both(p: DisplayPage): Promise<{ screen: Uint8Array; print: Uint8Array; w: number; h: number }> {
  const fonts = new FontRegistry(nodeFontLoader);
  await fonts.ensure(TEXT, [{ role: '标宋', weight: 900 }]);
  return screenAndPrint(p, (face, gid) => fonts.glyphPath(face.key, gid), DPI);
}

describe('vertical headline: screen = print', () => {
  it('SVG and PDF draw the same column, turned glyphs included', async () => {
    const r = await both(await page(false));
    const d = disagreement(r.screen, r.print);
    expect(d).toBeLessThan(0.03);
  });

  it('the comparison fails when one output would not turn the glyphs', async () => {
    const good = await page(false);
    const flat = await page(true);
    const a = await both(good);
    const b = await both(flat);
    expect(disagreement(a.screen, b.print)).toBeGreaterThan(0.05);
  });
});

