// Photos as image XObjects. JPEGs pass through untouched (DCTDecode); we write the dictionary ourselves because
// pdf-lib marks EVERY 4-channel JPEG as Adobe-inverted (Decode [1 0 1 0 1 0 1 0]), which turns a plain CMYK
// JPEG into its negative on the plate. Only files carrying Adobe's APP14 marker store inverted CMYK.
import { type PDFDocument, type PDFRef } from 'pdf-lib';

export type ImageColor = 'gray' | 'rgb' | 'cmyk';

export interface ImageFacts {
  readonly format: 'jpeg' | 'png';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly color: ImageColor;
  /** PNG with an alpha channel or tRNS: needs a soft mask, which PDF/X-1a forbids. */
  readonly alpha: boolean;
  /** JPEG with Adobe's APP14 marker: CMYK samples are stored inverted. */
  readonly adobe: boolean;
  readonly bitsPerComponent: number;
}

export class ImageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageFormatError';
  }
}

function jpegFacts(b: Uint8Array): ImageFacts {
  let o = 2;
  let adobe = false;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) throw new ImageFormatError('JPEG 标记损坏');
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o += 1;
      continue;
    }
    const len = (b[o + 2]! << 8) | b[o + 3]!;
    if (marker === 0xee && len >= 12 && String.fromCharCode(...b.subarray(o + 4, o + 9)) === 'Adobe') adobe = true;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (marker === 0xc3 || marker >= 0xc5) throw new ImageFormatError('不支持无损或分层 JPEG');
      const bits = b[o + 4]!;
      const heightPx = (b[o + 5]! << 8) | b[o + 6]!;
      const widthPx = (b[o + 7]! << 8) | b[o + 8]!;
      const comps = b[o + 9]!;
      const color: ImageColor = comps === 1 ? 'gray' : comps === 3 ? 'rgb' : comps === 4 ? 'cmyk' : (() => {
        throw new ImageFormatError(`JPEG 有 ${comps} 个通道`);
      })();
      return { format: 'jpeg', widthPx, heightPx, color, alpha: false, adobe, bitsPerComponent: bits };
    }
    o += 2 + len;
  }
  throw new ImageFormatError('JPEG 中找不到尺寸（SOF）');
}

function pngFacts(b: Uint8Array): ImageFacts {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const widthPx = view.getUint32(16);
  const heightPx = view.getUint32(20);
  const bits = b[24]!;
  const type = b[25]!;
  let trns = false;
  for (let o = 8; o + 8 <= b.length; ) {
    const len = view.getUint32(o);
    const t = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
    if (t === 'tRNS') trns = true;
    if (t === 'IDAT' || t === 'IEND') break;
    o += 12 + len;
  }
  const color: ImageColor = type === 0 || type === 4 ? 'gray' : 'rgb';
  return { format: 'png', widthPx, heightPx, color, alpha: type === 4 || type === 6 || trns, adobe: false, bitsPerComponent: bits };
}

/** Format, pixel size and colour of an image file, read from its header. */
export function imageFacts(bytes: Uint8Array): ImageFacts {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegFacts(bytes);
  if (bytes.length > 33 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return pngFacts(bytes);
  }
  throw new ImageFormatError('不是 JPEG 或 PNG 图片');
}

/** Writes one image XObject (JPEG as is; PNG through pdf-lib, plain mode only). */
export async function embedImage(doc: PDFDocument, bytes: Uint8Array, facts: ImageFacts): Promise<PDFRef> {
  if (facts.format === 'png') {
    const img = await doc.embedPng(bytes);
    return img.ref;
  }
  const context = doc.context;
  const colorSpace = facts.color === 'gray' ? 'DeviceGray' : facts.color === 'rgb' ? 'DeviceRGB' : 'DeviceCMYK';
  const dict: Record<string, unknown> = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: facts.widthPx,
    Height: facts.heightPx,
    ColorSpace: colorSpace,
    BitsPerComponent: facts.bitsPerComponent,
    Filter: 'DCTDecode',
  };
  if (facts.color === 'cmyk' && facts.adobe) dict.Decode = [1, 0, 1, 0, 1, 0, 1, 0];
  const stream = context.stream(bytes, dict as Parameters<typeof context.stream>[1]);
  return context.register(stream);
}
