import { crc32 } from 'node:zlib';

/**
 * JPEG and PNG headers read by hand: pixel size, colour space and stored resolution, and a walk over the
 * file's structure so a truncated download is caught before it reaches a page (a picture that stops halfway
 * prints grey). No pixels are decoded.
 */
export interface ImageInfo {
  format: 'jpeg' | 'png';
  ext: 'jpg' | 'png';
  widthPx: number;
  heightPx: number;
  colorSpace: 'gray' | 'rgb' | 'cmyk';
  /** Pixels per inch stored in the file, if any. */
  dpi: number | null;
}

export const MAX_MEGAPIXELS = 200;

export class ImageRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImageRejected';
  }
}

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImage(head: Uint8Array): 'jpeg' | 'png' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && PNG_SIG.every((b, i) => head[i] === b)) return 'png';
  return null;
}

export function describeNonImage(head: Uint8Array): string {
  const text = Buffer.from(head.subarray(0, 16)).toString('latin1');
  if (text.startsWith('%PDF')) return '这是 PDF 文件，不是图片';
  if (text.startsWith('GIF8')) return 'GIF 图片不能用于印刷，请转为 JPEG 或 PNG';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'WebP 图片不能用于印刷，请转为 JPEG 或 PNG';
  if (text.startsWith('II*\0') || text.startsWith('MM\0*')) return 'TIFF 图片暂不支持，请转为 JPEG 或 PNG';
  if (head.length === 0) return '文件是空的';
  return '不是 JPEG 或 PNG 图片';
}

export function probeImage(bytes: Uint8Array): ImageInfo {
  const kind = sniffImage(bytes);
  if (!kind) throw new ImageRejected(describeNonImage(bytes));
  const info = kind === 'jpeg' ? probeJpeg(bytes) : probePng(bytes);
  if (info.widthPx <= 0 || info.heightPx <= 0) throw new ImageRejected('图片尺寸为零');
  const mp = (info.widthPx * info.heightPx) / 1e6;
  if (mp > MAX_MEGAPIXELS) {
    throw new ImageRejected(`图片过大：${info.widthPx}×${info.heightPx} 像素（${mp.toFixed(0)} 百万像素），上限 ${MAX_MEGAPIXELS} 百万像素`);
  }
  return info;
}

const u16 = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number): number => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);

function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

function probeJpeg(b: Uint8Array): ImageInfo {
  const truncated = (): never => { throw new ImageRejected('JPEG 文件不完整（可能下载或复制中断）'); };
  let i = 2;
  let width = 0;
  let height = 0;
  let components = 0;
  let dpi: number | null = null;
  let exifDpi: number | null = null;
  let sos = -1;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new ImageRejected(`JPEG 结构损坏（第 ${i} 字节处不是段标记）`);
    while (i < b.length && b[i] === 0xff) i++;
    if (i >= b.length) truncated();
    const m = b[i]!;
    i++;
    if (m === 0xd9) break;
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) continue;
    if (i + 2 > b.length) truncated();
    const len = u16(b, i);
    if (len < 2) throw new ImageRejected('JPEG 结构损坏（段长度无效）');
    if (i + len > b.length) truncated();
    const seg = b.subarray(i + 2, i + len);
    if (m === 0xe0 && seg.length >= 12 && seg[0] === 0x4a && seg[1] === 0x46 && seg[2] === 0x49 && seg[3] === 0x46 && seg[4] === 0) {
      const units = seg[7]!;
      const x = u16(seg, 8);
      if (x > 1 && units === 1) dpi = x;
      else if (x > 1 && units === 2) dpi = Math.round(x * 2.54 * 100) / 100;
    } else if (m === 0xe1 && seg.length > 14 && Buffer.from(seg.subarray(0, 6)).toString('latin1') === 'Exif\0\0') {
      exifDpi = exifResolution(seg.subarray(6));
    } else if (isSof(m)) {
      if (seg.length < 6) truncated();
      height = u16(seg, 1);
      width = u16(seg, 3);
      components = seg[5]!;
      if (height === 0) throw new ImageRejected('JPEG 高度写在文件尾部（DNL），不支持');
    } else if (m === 0xda) {
      sos = i + len;
      break;
    }
    i += len;
  }
  if (!width) throw new ImageRejected(sos < 0 && i >= b.length ? 'JPEG 文件不完整（可能下载或复制中断）' : 'JPEG 缺少图像尺寸（SOF 段）');
  if (sos < 0) truncated();
  // The entropy-coded data ends with EOI; cameras sometimes append a few bytes after it.
  let eoi = -1;
  for (let k = b.length - 2; k >= Math.max(sos, b.length - 65536); k--) {
    if (b[k] === 0xff && b[k + 1] === 0xd9) { eoi = k; break; }
  }
  if (eoi < 0) truncated();
  let colorSpace: ImageInfo['colorSpace'];
  if (components === 1) colorSpace = 'gray';
  else if (components === 3) colorSpace = 'rgb';
  else if (components === 4) colorSpace = 'cmyk';
  else throw new ImageRejected(`JPEG 颜色通道数 ${components} 不支持`);
  return { format: 'jpeg', ext: 'jpg', widthPx: width, heightPx: height, colorSpace, dpi: dpi ?? exifDpi };
}

/** XResolution + ResolutionUnit from the first IFD of an Exif block (TIFF layout). */
function exifResolution(t: Uint8Array): number | null {
  if (t.length < 8) return null;
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return null;
  const r16 = (i: number): number => (le ? t[i]! | (t[i + 1]! << 8) : u16(t, i));
  const r32 = (i: number): number => (le ? (t[i]! | (t[i + 1]! << 8) | (t[i + 2]! << 16)) + t[i + 3]! * 0x1000000 : u32(t, i));
  const ifd = r32(4);
  if (ifd + 2 > t.length) return null;
  const n = r16(ifd);
  let res: number | null = null;
  let unit = 2;
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return null;
    const tag = r16(e);
    if (tag === 0x011a) {
      const off = r32(e + 8);
      if (off + 8 > t.length) return null;
      const den = r32(off + 4);
      res = den ? r32(off) / den : null;
    } else if (tag === 0x0128) {
      unit = r16(e + 8);
    }
  }
  if (!res || res <= 1) return null;
  if (unit === 3) return Math.round(res * 2.54 * 100) / 100;
  return unit === 2 ? res : null;
}

function probePng(b: Uint8Array): ImageInfo {
  const truncated = (): never => { throw new ImageRejected('PNG 文件不完整（可能下载或复制中断）'); };
  let i = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  let dpi: number | null = null;
  let sawIdat = false;
  let first = true;
  for (;;) {
    if (i + 8 > b.length) truncated();
    const len = u32(b, i);
    const type = Buffer.from(b.subarray(i + 4, i + 8)).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ImageRejected(`PNG 结构损坏（第 ${i} 字节处块类型无效）`);
    if (i + 12 + len > b.length) truncated();
    const data = b.subarray(i + 8, i + 8 + len);
    if (crc32(b.subarray(i + 4, i + 8 + len)) !== u32(b, i + 8 + len)) throw new ImageRejected(`PNG 数据损坏（${type} 块校验失败）`);
    if (first && type !== 'IHDR') throw new ImageRejected('PNG 缺少文件头（IHDR）');
    first = false;
    if (type === 'IHDR') {
      if (len < 13) throw new ImageRejected('PNG 文件头长度无效');
      width = u32(data, 0);
      height = u32(data, 4);
      colorType = data[9]!;
    } else if (type === 'pHYs' && len >= 9 && data[8] === 1) {
      const ppm = u32(data, 0);
      if (ppm > 0) dpi = Math.round(ppm * 0.0254 * 100) / 100;
    } else if (type === 'IDAT') {
      sawIdat = true;
    } else if (type === 'IEND') {
      break;
    }
    i += 12 + len;
  }
  if (!sawIdat) throw new ImageRejected('PNG 没有图像数据（IDAT）');
  const colorSpace = colorType === 0 || colorType === 4 ? 'gray' : colorType === 2 || colorType === 3 || colorType === 6 ? 'rgb' : null;
  if (!colorSpace) throw new ImageRejected(`PNG 颜色类型 ${colorType} 无效`);
  return { format: 'png', ext: 'png', widthPx: width, heightPx: height, colorSpace, dpi };
}
