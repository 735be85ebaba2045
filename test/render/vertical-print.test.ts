// A vertical headline (竖题) drawn by the screen renderer (SVG → resvg) and by the PDF (→ pdftoppm) must agree:
// turned brackets and dashes, vert forms and 纵中横 digits land on the same pixels in both.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { DisplayPage, GlyphItem } from '../../src/core/display/types';
import { FontRegistry } from '../../src/core/fonts';
import { setVerticalText } from '../../src/core/layout/vertical-set';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { writePdf } from '../../src/core/pdf';
import { renderSvg } from '../../src/core/render/svg';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { rasterGray, writeTemp } from '../pdf/tools';

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
  const svg = renderSvg(p, { outlines: { outline: (face, gid) => fonts.glyphPath(face.key, gid) } });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: p.width * 2 }, background: '#ffffff', font: { loadSystemFonts: false } }).render();
  const w = png.width;
  const h = png.height;
  const rgba = png.pixels;
  const screen = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) screen[i] = Math.round((rgba[4 * i]! + rgba[4 * i + 1]! + rgba[4 * i + 2]!) / 3);
  const pdf = writeTemp(await writePdf([p], { pdfx: 'none', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 't', date: new Date(0) }, {
    fonts: nodeFontLoader, images: { load: () => Promise.reject(new Error('no images')) },
  }));
  const printed = rasterGray(pdf, DPI);
  expect([printed.w, printed.h]).toEqual([w, h]);
  return { screen, print: printed.px, w, h };
}

/** Share of ink pixels (in either) where the two rasters disagree by more than half the range. */
function disagreement(a: Uint8Array, b: Uint8Array): number {
  let ink = 0;
  let bad = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 128 || b[i]! < 128) ink++;
    if (Math.abs(a[i]! - b[i]!) > 128) bad++;
  }
  return ink === 0 ? 1 : bad / ink;
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

