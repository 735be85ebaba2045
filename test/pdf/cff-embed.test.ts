// A newsroom's OpenType font with CFF (PostScript) outlines — Debian's Noto Serif CJK stands in for one — is embedded
// as a CIDFontType0 (FontFile3 / CIDFontType0C) subset: the text comes back out of the PDF, and the plate shows what
// the screen shows.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLACK, type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { FontRegistry, fileRef } from '../../src/core/fonts';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { writePdf } from '../../src/core/pdf';
import { parseSfnt } from '../../src/core/pdf/sfnt';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { disagreement, pdffonts, run, screenAndPrint, writeTemp } from './tools';

const CJK_CFF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const INDEX = 2; // Noto Serif CJK SC
const TEXT = '太白湖新区推进项目建设，群众满意度持续提升。GDP增长16.2%';
const BODY = { role: '书宋', weight: 400 } as const;
/** Large enough that stems are several pixels wide at 144 dpi: the outlines are compared, not small-size shading. */
const SIZE = 36;

async function page(): Promise<{ page: DisplayPage; fonts: FontRegistry }> {
  const house = [{ role: '书宋' as const, weight: 400, file: fileRef(CJK_CFF), index: INDEX, family: 'Noto Serif CJK SC' }];
  const fonts = new FontRegistry(nodeFontLoader, house);
  await fonts.ensure(TEXT, [BODY]);
  const items: GlyphItem[] = [];
  let x = 12;
  let y = SIZE * 1.5;
  for (const ch of TEXT) {
    const g = fonts.glyph(BODY, ch.codePointAt(0)!);
    items.push({ kind: 'glyph', face: g.face, gid: g.gid, x, y, size: SIZE, scaleX: 1, advance: g.advance * SIZE, color: BLACK, text: ch, src: null });
    // On whole pixels: how two rasterisers shade a stem that falls between pixels is not what this compares.
    x += Math.ceil(g.advance * SIZE * 2) / 2;
    if (x > 560) {
      x = 12;
      y += SIZE * 1.5;
    }
  }
  // One glyph standing for two texts: the PDF gives the second its own CID (a copy of the glyph in the subset).
  const first = items[0]!;
  items.push({ ...first, y: y + SIZE * 1.5, text: '太' }, { ...first, x: first.x + SIZE, y: y + SIZE * 1.5, text: '大' });
  return { page: { pageId: 'p', number: '01', width: 600, height: y + SIZE * 2, items, faces: fonts.faceTable(), frames: [] }, fonts };
}

describe.skipIf(!existsSync(CJK_CFF))('an OpenType house font with CFF outlines', () => {
  it('is read as a CFF face (its outlines come from the file, not glyf)', async () => {
    const face = await parseSfnt(new Uint8Array(readFileSync(CJK_CFF)), INDEX);
    expect(face.cff).not.toBeNull();
    expect(face.numGlyphs).toBeGreaterThan(60000);
    expect(() => face.glyph(1)).toThrow(/CFF/);
  });

  it('is embedded as a CIDFontType0 subset: the file checks, the text and the duplicate CID come back out', async () => {
    const { page: p } = await page();
    const pdf = writeTemp(await writePdf([p], { pdfx: '1a', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 't', date: new Date(0) }, {
      fonts: nodeFontLoader, images: { load: () => Promise.reject(new Error('no images')) },
    }));
    expect(run('qpdf', ['--check', pdf]).code).toBe(0);
    const rows = pdffonts(pdf);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'CID Type 0C', emb: 'yes', sub: 'yes', uni: 'yes' });
    expect(rows[0]!.name).toMatch(/^[A-Z]{6}\+/);
    const text = run('pdftotext', [pdf, '-']).out.replace(/\s+/g, '');
    expect(text).toContain('太白湖新区推进项目建设');
    expect(text).toContain('GDP增长16.2%');
    expect(text).toContain('太大');
  });

  it('prints what the screen draws', async () => {
    const { page: p, fonts } = await page();
    const r = await screenAndPrint(p, (face, gid) => fonts.glyphPath(face.key, gid), 144);
    expect(disagreement(r.screen, r.print)).toBeLessThan(0.03);
    // The check can fail: a page drawn half an em to the right does not match.
    const moved = { ...p, items: p.items.map((it) => (it.kind === 'glyph' ? { ...it, x: it.x + SIZE / 2 } : it)) };
    const m = await screenAndPrint(moved, (face, gid) => fonts.glyphPath(face.key, gid), 144);
    expect(disagreement(r.screen, m.print)).toBeGreaterThan(0.05);
  });
});
