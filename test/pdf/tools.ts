// Poppler / qpdf wrappers and PDF parsing helpers for the PDF tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { type DisplayPage, type FaceInfo } from '../../src/core/display/types';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { writePdf } from '../../src/core/pdf';
import { renderSvg } from '../../src/core/render/svg';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { decodePDFRawStream, PDFArray, type PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yeban-pdf-'));
}

export function writeTemp(bytes: Uint8Array, name = 'out.pdf'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

export function run(cmd: string, args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
  sub: string;
  uni: string;
}

export function pdffonts(path: string): FontRow[] {
  const { out } = run('pdffonts', [path]);
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l);
      if (!m) throw new Error(`pdffonts line not understood: ${l}`);
      return { name: m[1]!, type: m[2]!, emb: m[4]!, sub: m[5]!, uni: m[6]! };
    });
}

/** Grayscale raster of page `page` (1-based) at `dpi`: width, height, 0..255 luminance. */
export function rasterGray(path: string, dpi: number, page = 1, box: 'media' | 'trim' = 'media'): { w: number; h: number; px: Uint8Array } {
  const dir = tempDir();
  const base = join(dir, 'r');
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', ...(box === 'trim' ? ['-cropbox'] : []), path, base]);
  return readPgm(`${base}.pgm`);
}

export function readPgm(file: string): { w: number; h: number; px: Uint8Array } {
  const buf = readFileSync(file);
  // P5\n<w> <h>\n255\n<data>
  let o = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[o]!))) o++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(buf[o]!))) s += String.fromCharCode(buf[o++]!);
    fields.push(s);
  }
  o++;
  const w = Number(fields[1]);
  const h = Number(fields[2]);
  return { w, h, px: new Uint8Array(buf.buffer, buf.byteOffset + o, w * h) };
}

export function rasterRgb(path: string, dpi: number): { w: number; h: number; px: Uint8Array } {
  const dir = tempDir();
  const base = join(dir, 'r');
  execFileSync('pdftoppm', ['-r', String(dpi), '-singlefile', path, base]);
  const buf = readFileSync(`${base}.ppm`);
  const text = buf.subarray(0, 40).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(text)!;
  return { w: Number(m[1]), h: Number(m[2]), px: new Uint8Array(buf.buffer, buf.byteOffset + m[0].length) };
}

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

export function resolve(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

export function dictGet(doc: PDFDocument, d: PDFDict, key: string): PDFObject | undefined {
  return resolve(doc, d.get(PDFName.of(key)));
}

export function numbers(doc: PDFDocument, o: PDFObject | undefined): number[] {
  const a = resolve(doc, o);
  if (!(a instanceof PDFArray)) throw new Error('not an array');
  return a.asArray().map((v) => Number((resolve(doc, v) as unknown as { asNumber(): number }).asNumber()));
}

export function decodeStream(s: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
}

/** Every page's decoded content stream. */
export function pageContents(doc: PDFDocument): string[] {
  return doc.getPages().map((p) => {
    const c = resolve(doc, p.node.get(PDFName.of('Contents')));
    if (c instanceof PDFRawStream) return decodeStream(c);
    if (c instanceof PDFArray) return c.asArray().map((r) => decodeStream(resolve(doc, r) as PDFRawStream)).join('\n');
    throw new Error('page without contents');
  });
}

/** Content-stream tokens: operands then operator, strings and arrays kept as single tokens. */
export function tokenize(content: string): { op: string; args: string[] }[] {
  const out: { op: string; args: string[] }[] = [];
  let args: string[] = [];
  const re = /\[[^\]]*\]|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'"*]+/g;
  for (const m of content.matchAll(re)) {
    const t = m[0];
    if (/^[A-Za-z'"*]+$/.test(t) && t !== 'true' && t !== 'false') {
      out.push({ op: t, args });
      args = [];
    } else args.push(t);
  }
  return out;
}

/** Normalises text for comparison: whitespace removed only. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * One display page drawn by the screen's renderer (SVG → resvg) and printed (PDF → pdftoppm), both in grey at `dpi`
 * (a whole number of pixels per point): the two rasters to compare.
 */
export async function screenAndPrint(p: DisplayPage, outline: (face: FaceInfo, gid: number) => string, dpi: number): Promise<{ screen: Uint8Array; print: Uint8Array; w: number; h: number }> {
  const svg = renderSvg(p, { outlines: { outline } });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: (p.width * dpi) / 72 }, background: '#ffffff', font: { loadSystemFonts: false } }).render();
  const w = png.width;
  const h = png.height;
  const rgba = png.pixels;
  const screen = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) screen[i] = Math.round((rgba[4 * i]! + rgba[4 * i + 1]! + rgba[4 * i + 2]!) / 3);
  const pdf = writeTemp(await writePdf([p], { pdfx: 'none', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 't', date: new Date(0) }, {
    fonts: nodeFontLoader, images: { load: () => Promise.reject(new Error('no images')) },
  }));
  const printed = rasterGray(pdf, dpi);
  if (printed.w !== w || printed.h !== h) throw new Error(`screen ${w}×${h} and print ${printed.w}×${printed.h} differ in size`);
  return { screen, print: printed.px, w, h };
}

/** Share of ink pixels (in either) where the two rasters disagree by more than half the range. */
export function disagreement(a: Uint8Array, b: Uint8Array): number {
  let ink = 0;
  let bad = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 128 || b[i]! < 128) ink++;
    if (Math.abs(a[i]! - b[i]!) > 128) bad++;
  }
  return ink === 0 ? 1 : bad / ink;
}
