// Screen = print: the PDF rasterised by pdftoppm and the SVG render of the same display list rasterised by Chromium
// must agree, 150 dpi grayscale, after a 1-pixel blur: both SVG drawings, the one the page view shows (each glyph's
// outline placed on the page, svgItems with `outline`) and the standalone one (a <use> per glyph, renderSvg).
import { chromium, type Browser } from '@playwright/test';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DisplayPage } from '../../src/core/display/types';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { writePdf } from '../../src/core/pdf';
import { renderSvg, svgItems } from '../../src/core/render/svg';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { registry, samplePage } from './fixture';
import { rasterGray, writeTemp } from './tools';

const DPI = 150;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

type Drawing = 'page view' | 'standalone';

/** The page as the page view draws it: glyph outlines placed on the page, a `<path>` per run of glyphs. */
function pageViewSvg(page: DisplayPage): string {
  const clips: string[] = [];
  const body = svgItems(page, page.items, {
    glyphRef: () => null,
    outline: (g) => registry.glyphOutline(g.face, g.gid),
    clipRef: (rect) => {
      clips.push(`<clipPath id="c${clips.length}">${rect}</clipPath>`);
      return `c${clips.length - 1}`;
    },
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}"><rect width="${page.width}" height="${page.height}" fill="#fff"/><defs>${clips.join('')}</defs>${body.join('')}</svg>`;
}

async function svgGray(page: DisplayPage, drawing: Drawing = 'standalone'): Promise<{ w: number; h: number; px: Uint8Array }> {
  const svg = drawing === 'page view' ? pageViewSvg(page) : renderSvg(page, { outlines: { outline: (face, gid) => registry.glyphPath(face.key, gid) } });
  const ctx = await browser.newContext({ viewport: { width: page.width, height: page.height }, deviceScaleFactor: DPI / 72 });
  try {
    const tab = await ctx.newPage();
    await tab.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    const png = await tab.screenshot({ clip: { x: 0, y: 0, width: page.width, height: page.height } });
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { w: info.width, h: info.height, px: new Uint8Array(data) };
  } finally {
    await ctx.close();
  }
}

function blur(r: { w: number; h: number; px: Uint8Array }, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
          s += r.px[yy * r.w + xx]!;
          n++;
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return out;
}

/** Share of pixels whose blurred values differ by more than 25 % of the range. */
function differing(a: { w: number; h: number; px: Uint8Array }, b: { w: number; h: number; px: Uint8Array }): number {
  const w = Math.min(a.w, b.w);
  const h = Math.min(a.h, b.h);
  const ba = blur(a, w, h);
  const bb = blur(b, w, h);
  let bad = 0;
  for (let i = 0; i < w * h; i++) if (Math.abs(ba[i]! - bb[i]!) > 255 * 0.25) bad++;
  return bad / (w * h);
}

const printed = async (page: DisplayPage) =>
  rasterGray(
    writeTemp(
      await writePdf([page], { pdfx: 'none', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 't', date: new Date(0) }, {
        fonts: nodeFontLoader,
        images: { load: () => Promise.reject(new Error('no images')) },
      }),
    ),
    DPI,
  );

/** The sample page with its headline's and its 长体 line's glyphs turned a quarter, as a vertical headline sets brackets and Latin. */
const turnedSample = async (): Promise<DisplayPage> => {
  const page = await samplePage();
  return { ...page, items: page.items.map((it) => (it.kind === 'glyph' && it.size > 15 ? { ...it, rotate: 90 as const } : it)) };
};

describe('screen = print', () => {
  for (const drawing of ['page view', 'standalone'] as const) {
    it(`the PDF and the ${drawing} SVG drawing of the same display list differ on at most 0.5 % of pixels, glyphs turned or not`, async () => {
      for (const page of [await samplePage(), await turnedSample()]) {
        const print = await printed(page);
        const screen = await svgGray(page, drawing);
        expect(Math.abs(print.w - screen.w)).toBeLessThanOrEqual(1);
        expect(Math.abs(print.h - screen.h)).toBeLessThanOrEqual(1);
        expect(differing(print, screen)).toBeLessThanOrEqual(0.005);
      }
    });
  }

  it('the comparison fails when a glyph moves by half an em, or is drawn upright where the PDF turns it (the check can fail)', async () => {
    const page = await samplePage();
    const moved: DisplayPage = {
      ...page,
      items: page.items.map((it) => (it.kind === 'glyph' && it.size > 15 ? { ...it, x: it.x + it.size / 2 } : it)),
    };
    expect(differing(await printed(moved), await svgGray(page))).toBeGreaterThan(0.005);
    expect(differing(await printed(await turnedSample()), await svgGray(page, 'page view'))).toBeGreaterThan(0.005);
  });
});
