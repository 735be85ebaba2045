import { parseFontFile } from '../../../core/fonts';
import { nodeFontLoader } from '../../fonts/node-font-loader';
import { type HandlerTable } from '../dispatch';

// Font bytes for the renderer's font registry (the renderer lays pages out itself, DESIGN.md §5).
// A `file:` reference names an absolute path, so without a check this channel would read any file on
// the disk for a compromised renderer: only font files (by their first bytes) are ever returned.

/** SFNT (TrueType 1.0, 'true', 'OTTO'), collections and WOFF/WOFF2, by their tag. */
const FONT_TAGS = [[0x00, 0x01, 0x00, 0x00], [0x74, 0x72, 0x75, 0x65], [0x4f, 0x54, 0x54, 0x4f], [0x74, 0x74, 0x63, 0x66], [0x77, 0x4f, 0x46, 0x46], [0x77, 0x4f, 0x46, 0x32]];

export function isFontBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && FONT_TAGS.some((tag) => tag.every((b, i) => bytes[i] === b));
}

export const fontHandlers: HandlerTable = {
  'font:load': async ({ file }) => {
    const ref = parseFontFile(file);
    const bytes = await nodeFontLoader.load(file);
    if (!isFontBytes(bytes)) throw Object.assign(new Error(`不是字体文件：${ref.kind === 'file' ? ref.path : file}`), { code: 'not-a-font' });
    return { base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  },
};
