import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type DisplayPage, type ImageItem } from '../../src/core/display/types';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { imageFacts, PdfExportError, writePdf, type PdfOptions } from '../../src/core/pdf';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { dictGet, loadPdf, rasterRgb, resolve, writeTemp } from './tools';
import { PDFName, type PDFRawStream, type PDFDict } from 'pdf-lib';

const OPTS: PdfOptions = { pdfx: '1a', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 'img', date: new Date(0) };

/** A 64×64 patch of one sRGB colour as a CMYK JPEG, the way the export service converts photos. */
async function cmykPatch(r: number, g: number, b: number): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r, g, b } } }).png().toBuffer();
  return new Uint8Array(await sharp(png).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer());
}

function imagePage(img: Partial<ImageItem> = {}): DisplayPage {
  return {
    pageId: 'p', number: 'A01', width: 144, height: 144, faces: {}, frames: [],
    items: [{ kind: 'image', assetId: 'a.jpg', x: 36, y: 36, w: 72, h: 72, src: null, ...img }],
  };
}

const sourcesWith = (bytes: Uint8Array) => ({ fonts: nodeFontLoader, images: { load: () => Promise.resolve(bytes) } });

function pixel(r: { w: number; px: Uint8Array }, x: number, y: number): [number, number, number] {
  const i = (y * r.w + x) * 3;
  return [r.px[i]!, r.px[i + 1]!, r.px[i + 2]!];
}

describe('photos', () => {
  it('reads format, size and colour from JPEG and PNG headers', async () => {
    const jpeg = await cmykPatch(0, 160, 230);
    expect(imageFacts(jpeg)).toMatchObject({ format: 'jpeg', widthPx: 64, heightPx: 64, color: 'cmyk', adobe: true });
    const png = new Uint8Array(await sharp({ create: { width: 20, height: 10, channels: 4, background: '#ff000080' } }).png().toBuffer());
    expect(imageFacts(png)).toMatchObject({ format: 'png', widthPx: 20, heightPx: 10, color: 'rgb', alpha: true });
    expect(() => imageFacts(new Uint8Array([1, 2, 3, 4]))).toThrow(/不是 JPEG 或 PNG/);
  });

  it('prints a known CMYK colour patch in its colour (Adobe-inverted JPEG gets Decode [1 0 …], no more)', async () => {
    const jpeg = await cmykPatch(0, 160, 230); // a cyan-blue
    const bytes = await writePdf([imagePage()], OPTS, sourcesWith(jpeg));
    const doc = await loadPdf(bytes);
    const xobjects = dictGet(doc, resolve(doc, doc.getPage(0).node.get(PDFName.of('Resources'))) as PDFDict, 'XObject') as PDFDict;
    const img = resolve(doc, xobjects.values()[0]) as PDFRawStream;
    expect(String(img.dict.get(PDFName.of('ColorSpace')))).toBe('/DeviceCMYK');
    expect(String(img.dict.get(PDFName.of('Decode')))).toBe('[ 1 0 1 0 1 0 1 0 ]');
    const r = rasterRgb(writeTemp(bytes), 72);
    const [red, green, blue] = pixel(r, 72, 72);
    expect(red).toBeLessThan(90);
    expect(blue).toBeGreaterThan(170);
    expect(green).toBeGreaterThan(90);
    // Outside the placed box the page stays white.
    expect(pixel(r, 10, 10)).toEqual([255, 255, 255]);
  });

  it('writes no Decode array for a CMYK JPEG without Adobe\'s APP14 marker', async () => {
    const jpeg = await cmykPatch(0, 160, 230);
    const at = jpeg.findIndex((v, i) => v === 0xff && jpeg[i + 1] === 0xee);
    const len = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    const plain = new Uint8Array([...jpeg.subarray(0, at), ...jpeg.subarray(at + 2 + len)]);
    expect(imageFacts(plain)).toMatchObject({ color: 'cmyk', adobe: false });
    const doc = await loadPdf(await writePdf([imagePage()], OPTS, sourcesWith(plain)));
    const xobjects = dictGet(doc, resolve(doc, doc.getPage(0).node.get(PDFName.of('Resources'))) as PDFDict, 'XObject') as PDFDict;
    expect((resolve(doc, xobjects.values()[0]) as PDFRawStream).dict.has(PDFName.of('Decode'))).toBe(false);
  });

  it('places the photo at its placed size and clips it to its frame', async () => {
    const jpeg = await cmykPatch(0, 0, 0);
    const bytes = await writePdf([imagePage({ clip: { x: 36, y: 36, w: 36, h: 72 } })], OPTS, sourcesWith(jpeg));
    const r = rasterRgb(writeTemp(bytes), 72);
    expect(pixel(r, 50, 72)[0]).toBeLessThan(80); // inside the clip: black
    expect(pixel(r, 90, 72)).toEqual([255, 255, 255]); // placed, but outside the clip
    expect(pixel(r, 50, 30)).toEqual([255, 255, 255]); // above the photo
  });

  it('refuses RGB and transparent images in PDF/X-1a mode, with the reason', async () => {
    const rgb = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).jpeg().toBuffer());
    await expect(writePdf([imagePage()], OPTS, sourcesWith(rgb))).rejects.toThrow(PdfExportError);
    await expect(writePdf([imagePage()], OPTS, sourcesWith(rgb))).rejects.toThrow(/RGB/);
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777' } }).toColourspace('b-w').png().toBuffer());
    expect(imageFacts(png)).toMatchObject({ color: 'gray', alpha: false });
    const alpha = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 4, background: '#77777780' } }).toColourspace('b-w').png().toBuffer());
    await expect(writePdf([imagePage()], OPTS, sourcesWith(alpha))).rejects.toThrow(/透明/);
    // A gray PNG without alpha is fine for X-1a as far as colour goes; in plain mode any PNG embeds.
    const plain = await writePdf([imagePage()], { ...OPTS, pdfx: 'none' }, sourcesWith(png));
    expect(Buffer.from(plain).toString('latin1')).toContain('/FlateDecode');
  });
});
