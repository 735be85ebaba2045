import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, type PDFHexString, PDFName, PDFRawStream, type PDFString, type PDFDocument } from 'pdf-lib';
import { BLACK, type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { writePdf, type PdfOptions, type PdfSources } from '../../src/core/pdf';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { GETA, PAGE_H, PAGE_W, SAMPLE_LINES, SERIF, registry, samplePage } from './fixture';
import { dictGet, loadPdf, numbers, pageContents, pdffonts, rasterGray, resolve, run, squash, tokenize, writeTemp } from './tools';

const noImages: PdfSources['images'] = {
  load: (id) => Promise.reject(new Error(`no image ${id}`)),
};
const sources: PdfSources = { fonts: nodeFontLoader, images: noImages };
const X1A: PdfOptions = {
  pdfx: '1a',
  bleed: 8.5,
  marks: true,
  output: DEFAULT_HOUSE.output,
  title: '太白湖报 2024年3月8日 第A01版',
  date: new Date('2024-03-08T14:30:00Z'),
};
const PLAIN: PdfOptions = { ...X1A, pdfx: 'none', bleed: 0, marks: false };

let page: DisplayPage;
let x1aBytes: Uint8Array;
let x1aPath: string;
let x1a: PDFDocument;

beforeAll(async () => {
  page = await samplePage();
  x1aBytes = await writePdf([page], X1A, sources);
  x1aPath = writeTemp(x1aBytes);
  x1a = await loadPdf(x1aBytes);
});

describe('the file', () => {
  it('passes qpdf --check', () => {
    const { code, out } = run('qpdf', ['--check', x1aPath]);
    expect(out).toContain('No syntax or stream encoding errors');
    expect(code).toBe(0);
  });

  it('embeds one subset font with a ToUnicode map per face (all slices of a family and weight together)', () => {
    const rows = pdffonts(x1aPath);
    const glyphFaces = page.items.flatMap((i) => (i.kind === 'glyph' ? [page.faces[i.face]!] : []));
    const slices = new Set(glyphFaces.map((f) => f.file));
    const faces = new Set(glyphFaces.map((f) => `${f.family} ${f.weight}`));
    expect(slices.size).toBeGreaterThan(faces.size); // the page does mix slices of one face
    expect(rows).toHaveLength(faces.size);
    for (const r of rows) {
      expect(r.name).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
      expect(r.type).toBe('CID TrueType');
      expect([r.emb, r.sub, r.uni]).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('gives back each line of text through pdftotext -raw (——, digits, Latin, rare characters)', () => {
    const { out } = run('pdftotext', ['-raw', x1aPath, '-']);
    expect(squash(out)).toBe(squash(SAMPLE_LINES.map((l) => l.text).join('')));
    expect(out).toContain('——');
    expect(out).toContain('16.2%');
    expect(out).toContain('犇羴鱻龘');
  });

  it('writes the same bytes for the same input', async () => {
    const again = await writePdf([page], X1A, sources);
    expect(Buffer.from(again).equals(Buffer.from(x1aBytes))).toBe(true);
  });
});

describe('page boxes', () => {
  it('nests MediaBox ⊇ BleedBox ⊇ TrimBox with the trim at the exact page size', () => {
    const node = x1a.getPage(0).node;
    const media = numbers(x1a, node.get(PDFName.of('MediaBox')));
    const bleed = numbers(x1a, node.get(PDFName.of('BleedBox')));
    const trim = numbers(x1a, node.get(PDFName.of('TrimBox')));
    const inside = (a: number[], b: number[]): boolean => a[0]! >= b[0]! && a[1]! >= b[1]! && a[2]! <= b[2]! && a[3]! <= b[3]!;
    expect(inside(bleed, media)).toBe(true);
    expect(inside(trim, bleed)).toBe(true);
    expect(trim[2]! - trim[0]!).toBeCloseTo(PAGE_W, 6);
    expect(trim[3]! - trim[1]!).toBeCloseTo(PAGE_H, 6);
    expect(trim[0]! - bleed[0]!).toBeCloseTo(8.5, 6);
    expect(bleed[3]! - trim[3]!).toBeCloseTo(8.5, 6);
    // Marks need room beyond the bleed.
    expect(bleed[0]! - media[0]!).toBeGreaterThan(20);
  });

  it('without bleed or marks the sheet is the trim', async () => {
    const doc = await loadPdf(await writePdf([page], PLAIN, sources));
    const node = doc.getPage(0).node;
    const media = numbers(doc, node.get(PDFName.of('MediaBox')));
    expect(media).toEqual([0, 0, PAGE_W, PAGE_H]);
    expect(numbers(doc, node.get(PDFName.of('TrimBox')))).toEqual(media);
    expect(numbers(doc, node.get(PDFName.of('BleedBox')))).toEqual(media);
  });
});

describe('PDF/X-1a:2003 structure (checked here; no validator available)', () => {
  const text = (): string => Buffer.from(x1aBytes).toString('latin1');

  it('is PDF 1.4 with a classic xref table and no object streams, encryption or LZW', () => {
    expect(text().startsWith('%PDF-1.4')).toBe(true);
    expect(text()).toMatch(/\nxref\n/);
    expect(text()).not.toContain('/ObjStm');
    expect(text()).not.toMatch(/\/Type\s*\/XRef/);
    expect(text()).not.toContain('/Encrypt');
    expect(text()).not.toContain('/LZWDecode');
  });

  it('has the GTS_PDFX OutputIntent naming the house printing condition', () => {
    const intents = dictGet(x1a, x1a.catalog, 'OutputIntents');
    expect(intents).toBeInstanceOf(PDFArray);
    const intent = resolve(x1a, (intents as PDFArray).get(0)) as PDFDict;
    expect(dictGet(x1a, intent, 'Type')).toBe(PDFName.of('OutputIntent'));
    expect(dictGet(x1a, intent, 'S')).toBe(PDFName.of('GTS_PDFX'));
    expect((dictGet(x1a, intent, 'OutputConditionIdentifier') as PDFString).decodeText()).toBe(DEFAULT_HOUSE.output.identifier);
    expect((dictGet(x1a, intent, 'RegistryName') as PDFString).decodeText()).toBe('http://www.color.org');
  });

  it('identifies itself in Info and has Title, dates, Trapped and a trailer ID', () => {
    const info = resolve(x1a, x1a.context.trailerInfo.Info) as PDFDict;
    const str = (k: string): string => (dictGet(x1a, info, k) as PDFString | PDFHexString).decodeText();
    expect(str('GTS_PDFXVersion')).toBe('PDF/X-1a:2003');
    expect(str('GTS_PDFXConformance')).toBe('PDF/X-1a:2003');
    expect(str('Title')).toBe(X1A.title);
    expect(str('CreationDate')).toBe("D:20240308143000+00'00'");
    expect(str('ModDate')).toBe("D:20240308143000+00'00'");
    expect(dictGet(x1a, info, 'Trapped')).toBe(PDFName.of('False'));
    const id = x1a.context.trailerInfo.ID as PDFArray;
    expect(id.size()).toBe(2);
    expect((id.get(0) as PDFHexString).asString()).toMatch(/^[0-9a-f]{32}$/);
    expect(text()).toMatch(/trailer\s*<<[^]*\/ID\s*\[/);
  });

  it('has no transparency: no SMask, no soft alpha, no transparency groups', () => {
    for (const [, obj] of x1a.context.enumerateIndirectObjects()) {
      const dict = obj instanceof PDFRawStream ? obj.dict : obj instanceof PDFDict ? obj : null;
      if (!dict) continue;
      for (const key of ['SMask', 'CA', 'ca', 'Group', 'BM']) expect(dict.has(PDFName.of(key)), key).toBe(false);
    }
  });

  it('uses no RGB, Lab or ICC-based RGB colour anywhere', () => {
    const all = text() + pageContents(x1a).join('\n');
    for (const bad of ['DeviceRGB', 'CalRGB', '/Lab', '/ICCBased', '/DefaultRGB']) expect(all).not.toContain(bad);
    const ops = new Set(pageContents(x1a).flatMap((c) => tokenize(c).map((t) => t.op)));
    for (const op of ['rg', 'RG', 'sc', 'SC', 'scn', 'SCN', 'cs', 'CS']) expect(ops.has(op), op).toBe(false);
  });

  it('sets CMYK before every text-showing operator, pure K with overprint for black type and rules', () => {
    const gsOn = new Set<string>();
    const resources = x1a.getPage(0).node.get(PDFName.of('Resources'));
    const gsDict = dictGet(x1a, resolve(x1a, resources) as PDFDict, 'ExtGState') as PDFDict;
    for (const [name, ref] of gsDict.entries()) {
      const d = resolve(x1a, ref) as PDFDict;
      const v = (k: string): string => String(dictGet(x1a, d, k));
      if (v('OP') === 'true' && v('op') === 'true' && v('OPM') === '1') gsOn.add(name.asString());
    }
    expect(gsOn.size).toBe(1);
    let fill: { op: string; args: string[] } | null = null;
    let stroke: string | null = null;
    let gs = '';
    let blackShows = 0;
    let blackStrokes = 0;
    const blackGlyphs = page.items.filter((i) => i.kind === 'glyph' && i.color === BLACK).length;
    expect(blackGlyphs).toBeGreaterThan(0);
    for (const t of tokenize(pageContents(x1a)[0]!)) {
      if (t.op === 'k' || t.op === 'g' || t.op === 'rg' || t.op === 'sc' || t.op === 'scn') fill = t;
      else if (t.op === 'K') stroke = t.args.join(' ');
      else if (t.op === 'gs') gs = t.args[0]!;
      else if (t.op === 'TJ' || t.op === 'Tj' || t.op === "'" || t.op === '"') {
        expect(fill?.op).toBe('k');
        if (fill!.args.join(' ') === '0 0 0 1') {
          blackShows++;
          expect(gsOn.has(gs)).toBe(true);
        } else expect(gsOn.has(gs)).toBe(false);
      } else if (t.op === 'S' && stroke === '0 0 0 1') {
        blackStrokes++;
        expect(gsOn.has(gs)).toBe(true);
      }
    }
    expect(blackShows).toBeGreaterThan(3);
    expect(blackStrokes).toBeGreaterThan(2);
  });
});

/** Dark pixels inside a glyph's em box (advance × [ascent .. descent]) on a raster of the trim box. */
function inkInBox(r: { w: number; px: Uint8Array }, scale: number, g: GlyphItem): number {
  let n = 0;
  const x0 = Math.floor(g.x * scale);
  const x1 = Math.ceil((g.x + g.advance) * scale);
  const y0 = Math.floor((g.y - 0.9 * g.size) * scale);
  const y1 = Math.ceil((g.y + 0.2 * g.size) * scale);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (r.px[y * r.w + x]! < 170) n++;
  return n;
}

describe('rasterised', () => {
  it('draws ink for every glyph (guards against blank subset glyphs)', async () => {
    const path = writeTemp(await writePdf([page], PLAIN, sources));
    const dpi = 144;
    const r = rasterGray(path, dpi);
    const scale = dpi / 72;
    const glyphs = page.items.filter((i): i is GlyphItem => i.kind === 'glyph' && !/\s/.test(i.text));
    const blank = glyphs.filter((g) => inkInBox(r, scale, g) < 2).map((g) => g.text);
    expect(blank).toEqual([]);
    // And nothing where nothing was drawn: the white strip right of the byline.
    const byline = glyphs.filter((g) => g.src?.storyId === 's1');
    const empty = { ...byline.at(-1)!, x: 200, advance: 80 };
    expect(inkInBox(r, scale, empty)).toBe(0);
  });

  it('sets 长体 80 % at 80 % of the width', async () => {
    const path = writeTemp(await writePdf([page], PLAIN, sources));
    const dpi = 144;
    const r = rasterGray(path, dpi);
    const span = (baseline: number, size: number): number => {
      let min = Infinity;
      let max = -Infinity;
      for (let y = Math.floor((baseline - 0.85 * size) * 2); y < (baseline + 0.1 * size) * 2; y++) {
        for (let x = 30; x < 560; x++) {
          if (r.px[y * r.w + x]! < 128) {
            min = Math.min(min, x);
            max = Math.max(max, x);
          }
        }
      }
      return max - min;
    };
    // Lines 5 and 6 of the fixture: same text at 80 % and 100 %; the tint behind line 5 is light, and the
    // scan stays inside the box drawn around line 6.
    const ratio = span(165, 20) / span(195, 20);
    expect(ratio).toBeGreaterThan(0.77);
    expect(ratio).toBeLessThan(0.83);
  });
});

describe('ToUnicode', () => {
  it('keeps distinct text for one glyph drawn for several characters (〓 for missing characters)', async () => {
    await registry.ensure(String.fromCodePoint(GETA), [SERIF]);
    const geta = registry.glyph(SERIF, GETA);
    const mk = (text: string, x: number): GlyphItem => ({
      kind: 'glyph', face: geta.face, gid: geta.gid, x, y: 40, size: 12, scaleX: 1, advance: 12,
      color: { c: 0, m: 1, y: 0, k: 0 }, text, src: null, missing: true,
    });
    const p: DisplayPage = {
      pageId: 'm', number: 'A02', width: 200, height: 60, frames: [], faces: registry.faceTable(),
      items: [mk('\u{2A6A5}', 20), mk('\u{2B81D}', 32), mk('\u{2A6A5}', 44), mk('〓', 56)],
    };
    const path = writeTemp(await writePdf([p], PLAIN, sources));
    expect(squash(run('pdftotext', ['-raw', path, '-']).out)).toBe('\u{2A6A5}\u{2B81D}\u{2A6A5}〓');
    expect(pdffonts(path).every((f) => f.emb === 'yes' && f.sub === 'yes')).toBe(true);
    expect(run('qpdf', ['--check', path]).code).toBe(0);
  });
});

describe('the plant\'s own profile', () => {
  const fakeIcc = (space: string): Uint8Array => {
    const b = new Uint8Array(256);
    b.set(new TextEncoder().encode('prtr'), 12);
    b.set(new TextEncoder().encode(space), 16);
    return b;
  };

  it('is embedded as the OutputIntent DestOutputProfile (N 4)', async () => {
    const doc = await loadPdf(await writePdf([page], { ...X1A, output: { ...X1A.output, identifier: '印务中心 2024', profile: fakeIcc('CMYK') } }, sources));
    const intent = resolve(doc, (dictGet(doc, doc.catalog, 'OutputIntents') as PDFArray).get(0)) as PDFDict;
    expect((dictGet(doc, intent, 'OutputConditionIdentifier') as PDFString).decodeText()).toBe('印务中心 2024');
    const icc = dictGet(doc, intent, 'DestOutputProfile') as PDFRawStream;
    expect(String(icc.dict.get(PDFName.of('N')))).toBe('4');
  });

  it('must be a CMYK output profile', async () => {
    await expect(writePdf([page], { ...X1A, output: { ...X1A.output, profile: fakeIcc('RGB ') } }, sources)).rejects.toThrow(/CMYK/);
  });
});
