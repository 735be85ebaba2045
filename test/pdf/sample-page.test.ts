// The sample issue's page as the plant gets it, photos left out: within the size budget, one embedded font
// per face (not per fontsource slice), and every glyph in the merged fonts byte-for-byte the outline and
// advance of the slice glyph the display list names (so renumbering can never put a wrong glyph on the plate).
import { join } from 'node:path';
import { type PDFArray, type PDFDict, type PDFName, type PDFRawStream, type PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DisplayPage, type FaceInfo } from '../../src/core/display/types';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { loadFace, parseSfnt, writePdf, type SfntFace } from '../../src/core/pdf';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { layOutIssueFolder } from '../../src/main/services/layout-issue';
import { decodeStream, dictGet, loadPdf, pdffonts, rasterGray, resolve, run, writeTemp } from './tools';

const SAMPLE_ISSUE = join(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban');

let page: DisplayPage;
let bytes: Uint8Array;
let path: string;
let doc: PDFDocument;

beforeAll(async () => {
  const laid = await layOutIssueFolder(SAMPLE_ISSUE);
  const first = laid.result.display.pages[0]!;
  page = { ...first, items: first.items.filter((i) => i.kind !== 'image') };
  bytes = await writePdf([page], { pdfx: '1a', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 'size', date: new Date(0) }, {
    fonts: nodeFontLoader,
    images: { load: () => Promise.reject(new Error('no photos')) },
  });
  path = writeTemp(bytes);
  doc = await loadPdf(bytes);
}, 60_000);

const glyphFaces = (): FaceInfo[] => page.items.flatMap((i) => (i.kind === 'glyph' ? [page.faces[i.face]!] : []));
const faceName = (f: FaceInfo): string => `${f.family}-${f.weight}`.replace(/[^A-Za-z0-9-]/g, '');

interface Embedded {
  readonly font: SfntFace;
  /** CIDs by the text their ToUnicode entry gives. */
  readonly cidsOf: Map<string, number[]>;
}

async function embeddedFonts(): Promise<Map<string, Embedded>> {
  const res = dictGet(doc, doc.getPage(0).node, 'Resources') as PDFDict;
  const fonts = dictGet(doc, res, 'Font') as PDFDict;
  const out = new Map<string, Embedded>();
  for (const [, ref] of fonts.entries()) {
    const type0 = resolve(doc, ref) as PDFDict;
    const cid = resolve(doc, (dictGet(doc, type0, 'DescendantFonts') as PDFArray).get(0)) as PDFDict;
    const descriptor = dictGet(doc, cid, 'FontDescriptor') as PDFDict;
    const file = dictGet(doc, descriptor, 'FontFile2') as PDFRawStream;
    const font = await parseSfnt(new Uint8Array(Buffer.from(decodeStream(file), 'latin1')));
    const cmap = decodeStream(dictGet(doc, type0, 'ToUnicode') as PDFRawStream);
    const cidsOf = new Map<string, number[]>();
    for (const m of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
      const units = m[2]!.match(/.{4}/g)!.map((h) => parseInt(h, 16));
      const text = String.fromCharCode(...units);
      cidsOf.set(text, [...(cidsOf.get(text) ?? []), parseInt(m[1]!, 16)]);
    }
    const base = (dictGet(doc, type0, 'BaseFont') as PDFName).decodeText();
    out.set(base.replace(/^[A-Z]{6}\+/, ''), { font, cidsOf });
  }
  return out;
}

describe('the sample page without photos', () => {
  it('is at most 400 KB', () => {
    expect(bytes.length).toBeLessThanOrEqual(400 * 1024);
  });

  it('embeds one font per face used, not one per slice, all embedded subsets with ToUnicode', () => {
    const slices = new Set(glyphFaces().map((f) => f.file));
    const faces = new Set(glyphFaces().map(faceName));
    expect(slices.size).toBeGreaterThan(faces.size * 3);
    const rows = pdffonts(path);
    expect(rows.map((r) => r.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([...faces].sort());
    expect(rows.every((r) => r.emb === 'yes' && r.sub === 'yes' && r.uni === 'yes' && r.type === 'CID TrueType')).toBe(true);
    expect(run('qpdf', ['--check', path]).code).toBe(0);
  });

  it('holds for every glyph the exact outline and advance of the slice glyph it stands for', async () => {
    const embedded = await embeddedFonts();
    let checked = 0;
    for (const item of page.items) {
      if (item.kind !== 'glyph' || item.text === '') continue;
      const info = page.faces[item.face]!;
      const source = await loadFace(nodeFontLoader, info.file);
      const { font, cidsOf } = embedded.get(faceName(info))!;
      const cids = cidsOf.get(item.text) ?? [];
      const want = Buffer.from(source.glyph(item.gid));
      // The subset pads each glyph to 4 bytes (loca alignment); the outline is the part before the padding.
      const same = (c: number): boolean => {
        const got = Buffer.from(font.glyph(c));
        return got.subarray(0, want.length).equals(want) && got.subarray(want.length).every((b) => b === 0) && got.length - want.length < 4;
      };
      const match = cids.some((c) => same(c) && font.advance(c) === source.advance(item.gid));
      expect(match, `${item.text} (${info.file} gid ${item.gid})`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('rasterises with ink on the text lines (no blank glyphs)', () => {
    const r = rasterGray(path, 60);
    let dark = 0;
    for (const v of r.px) if (v < 128) dark++;
    // A page of ~9,000 characters in body text and headlines: blank subset glyphs would leave it nearly white.
    expect(dark / r.px.length).toBeGreaterThan(0.04);
  });
});
