// Display list → PDF bytes. Draws the list as it is (no text layout here), on a sheet with the trim box at
// the exact page size, optional bleed and printer's marks, in PDF/X-1a:2003 form or a plain PDF.
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { type DisplayPage } from '../display/types';
import { pageContent } from './content';
import { loadFace, type FontBytesLoader } from './face-cache';
import { FaceFont, faceGroupKey, type FontUse } from './font-embed';
import { flateStream, webDeflate, type Deflate } from './deflate';
import { embedImage, imageFacts, type ImageFacts } from './images';
import { marksContent, marksMargin } from './marks';
import { num } from './pdf-number';
import { applyPdfx, pdfDate, type OutputIntentSpec } from './pdfx';

export type PdfxMode = '1a' | 'none';

export interface PdfOptions {
  readonly pdfx: PdfxMode;
  /** Bleed on each side, pt (0 = none). */
  readonly bleed: number;
  /** Crop marks and registration targets outside the bleed. */
  readonly marks: boolean;
  /** The printing condition (house.output); written as the GTS_PDFX OutputIntent in X-1a mode. */
  readonly output: OutputIntentSpec;
  /** Document title: paper, date and page(s). */
  readonly title: string;
  readonly subject?: string;
  /** Creation time written into the file (given, so the same input gives the same bytes). */
  readonly date: Date;
}

/** Gives image file bytes for an ImageItem.assetId. */
export interface ImageBytesLoader {
  load(assetId: string): Promise<Uint8Array>;
}

export interface PdfSources {
  readonly fonts: FontBytesLoader;
  readonly images: ImageBytesLoader;
  /** Stream compression; CompressionStream when absent (the main process passes Node's zlib). */
  readonly deflate?: Deflate;
}

export class PdfExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfExportError';
  }
}

const OVERPRINT_ON = 'GSop';
const OVERPRINT_OFF = 'GSko';

/** Where the trim box sits on the sheet, and the sheet's size. */
export interface SheetGeometry {
  readonly width: number;
  readonly height: number;
  /** Bottom-left corner of the trim box on the sheet. */
  readonly trimX: number;
  readonly trimY: number;
}

export function sheetGeometry(page: { width: number; height: number }, bleed: number, marks: boolean): SheetGeometry {
  const margin = marks ? marksMargin(bleed) : bleed;
  return { width: page.width + 2 * margin, height: page.height + 2 * margin, trimX: margin, trimY: margin };
}

export async function writePdf(pages: readonly DisplayPage[], options: PdfOptions, sources: PdfSources): Promise<Uint8Array> {
  if (pages.length === 0) throw new PdfExportError('没有要导出的版面');
  if (options.bleed < 0) throw new PdfExportError(`出血不能为负：${options.bleed}`);
  const x1a = options.pdfx === '1a';
  const deflate = sources.deflate ?? webDeflate;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const context = doc.context;

  // Fonts: one embedded font per face (all slices of a family/weight together), parsed once per process.
  const files = new Map<string, DisplayPage['faces'][string]>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'glyph') continue;
      const key = `${page.pageId}\u0000${item.face}`;
      if (files.has(key)) continue;
      const info = page.faces[item.face];
      if (!info) throw new PdfExportError(`版面 ${page.number}：字形引用了未登记的字体 ${item.face}`);
      files.set(key, info);
    }
  }
  const faceFiles = [...new Set([...files.values()].map((f) => f.file))];
  const parsed = await Promise.all(
    faceFiles.map((file) =>
      loadFace(sources.fonts, file).catch((e: unknown) => {
        throw new PdfExportError(`字体 ${file} 无法读取：${e instanceof Error ? e.message : String(e)}`);
      }),
    ),
  );
  const byFile = new Map(faceFiles.map((f, i) => [f, parsed[i]!]));
  const fonts = new Map<string, FaceFont>();
  const fontRefs = new Map<FaceFont, { name: string; ref: PDFRef }>();
  const uses = new Map<string, { font: FaceFont; use: FontUse }>();
  for (const info of files.values()) {
    if (uses.has(info.file)) continue;
    const face = byFile.get(info.file)!;
    const key = faceGroupKey(info.file, face);
    let font = fonts.get(key);
    if (!font) {
      font = new FaceFont(key, info);
      fonts.set(key, font);
      fontRefs.set(font, { name: `F${fontRefs.size + 1}`, ref: context.nextRef() });
    }
    uses.set(info.file, { font, use: font.use(info, face) });
  }

  // Images: one XObject per asset; PDF/X-1a refuses what it cannot carry instead of writing a bad file.
  const imageRefs = new Map<string, { name: string; ref: PDFRef }>();
  const assetIds = [...new Set(pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'image' ? [it.assetId] : []))))];
  const loaded = await Promise.all(
    assetIds.map((id) =>
      sources.images.load(id).catch((e: unknown) => {
        throw new PdfExportError(`图片 ${id} 无法读取：${e instanceof Error ? e.message : String(e)}`);
      }),
    ),
  );
  for (const [i, id] of assetIds.entries()) {
    const bytes = loaded[i]!;
    let facts: ImageFacts;
    try {
      facts = imageFacts(bytes);
    } catch (e) {
      throw new PdfExportError(`图片 ${id}：${(e as Error).message}`);
    }
    if (x1a && facts.color === 'rgb') throw new PdfExportError(`图片 ${id} 是 RGB：PDF/X-1a 只允许 CMYK 或灰度，请先转换`);
    if (x1a && facts.alpha) throw new PdfExportError(`图片 ${id} 带透明通道：PDF/X-1a 不允许透明，请先拼合`);
    imageRefs.set(id, { name: `Im${imageRefs.size + 1}`, ref: await embedImage(doc, bytes, facts) });
  }

  const gsOn = context.register(context.obj({ Type: 'ExtGState', OP: true, op: true, OPM: 1 }));
  const gsOff = context.register(context.obj({ Type: 'ExtGState', OP: false, op: false, OPM: 0 }));

  const pending: Promise<unknown>[] = [];
  for (const page of pages) {
    const sheet = sheetGeometry(page, options.bleed, options.marks);
    const pageFonts = new Map<string, PDFRef>();
    const pageImages = new Map<string, PDFRef>();
    const body = pageContent(page, {
      font(faceKey) {
        const { font, use } = uses.get(page.faces[faceKey]!.file)!;
        const f = fontRefs.get(font)!;
        pageFonts.set(f.name, f.ref);
        return { name: f.name, use };
      },
      image(assetId) {
        const im = imageRefs.get(assetId)!;
        pageImages.set(im.name, im.ref);
        return im.name;
      },
      overprintOn: OVERPRINT_ON,
      overprintOff: OVERPRINT_OFF,
    });
    let content = `q 1 0 0 1 ${num(sheet.trimX)} ${num(sheet.trimY)} cm\n${body}\nQ`;
    if (options.marks) {
      content += `\n${marksContent(sheet.trimX, sheet.trimY, page.width, page.height, options.bleed, OVERPRINT_OFF)}`;
    }

    const pdfPage = doc.addPage([sheet.width, sheet.height]);
    const b = options.bleed;
    const box = (x: number, y: number, w: number, h: number): number[] => [x, y, x + w, y + h];
    pdfPage.node.set(PDFName.of('MediaBox'), context.obj(box(0, 0, sheet.width, sheet.height)));
    pdfPage.node.set(
      PDFName.of('BleedBox'),
      context.obj(box(sheet.trimX - b, sheet.trimY - b, page.width + 2 * b, page.height + 2 * b)),
    );
    pdfPage.node.set(PDFName.of('TrimBox'), context.obj(box(sheet.trimX, sheet.trimY, page.width, page.height)));
    const resources: Record<string, unknown> = {
      ExtGState: { [OVERPRINT_ON]: gsOn, [OVERPRINT_OFF]: gsOff },
    };
    if (pageFonts.size > 0) resources.Font = Object.fromEntries(pageFonts);
    if (pageImages.size > 0) resources.XObject = Object.fromEntries(pageImages);
    pdfPage.node.set(PDFName.of('Resources'), context.obj(resources as Parameters<typeof context.obj>[0]));
    const contentRef = context.nextRef();
    pdfPage.node.set(PDFName.of('Contents'), contentRef);
    pending.push(flateStream(context, deflate, contentRef, content));
  }

  // Fonts last: every glyph of every page is known now.
  for (const [font, { ref }] of fontRefs) pending.push(font.embed(context, ref, deflate));
  await Promise.all(pending);

  const info: Record<string, unknown> = {
    Title: PDFHexString.fromText(options.title),
    Creator: PDFString.of('Yeban'),
    Producer: PDFString.of('Yeban with pdf-lib'),
    CreationDate: PDFString.of(pdfDate(options.date)),
    ModDate: PDFString.of(pdfDate(options.date)),
    Trapped: PDFName.of('False'),
  };
  if (options.subject) info.Subject = PDFHexString.fromText(options.subject);
  if (x1a) await applyPdfx(doc, options.output, info, deflate);
  context.trailerInfo.Info = context.register(context.obj(info as Parameters<typeof context.obj>[0]));
  await setDocumentId(doc, options, pages);

  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  if (x1a) setHeaderVersion(bytes, '1.4');
  return bytes;
}

/**
 * pdf-lib's writer always emits `%PDF-1.7` whatever context.header says; the version digits are patched in
 * place (same length, so no offset in the cross-reference table moves).
 */
function setHeaderVersion(bytes: Uint8Array, version: string): void {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (!/^%PDF-\d\.\d$/.test(head)) throw new PdfExportError(`unexpected PDF header ${JSON.stringify(head)}`);
  for (let i = 0; i < 3; i++) bytes[5 + i] = version.charCodeAt(i);
}

/** Trailer /ID from what the file shows, so the same export gives the same ID. */
async function setDocumentId(doc: PDFDocument, options: PdfOptions, pages: readonly DisplayPage[]): Promise<void> {
  const seed = JSON.stringify([options.title, options.date.toISOString(), options.pdfx, options.bleed, options.marks, pages.map((p) => [p.pageId, p.items.length])]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed)));
  const hex = [...digest.subarray(0, 16)].map((v) => v.toString(16).padStart(2, '0')).join('');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
}
