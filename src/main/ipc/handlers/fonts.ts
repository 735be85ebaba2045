import { parseFontFile } from '../../../core/fonts';
import { nodeFontLoader } from '../../fonts/node-font-loader';
import { encodeFontBatch, FONT_ROUTE, fontFileFromPath, fontFilesFromBatchPath } from '../font-route';

// Font bytes for the renderer's font registry (the renderer lays pages out itself, DESIGN.md §5), served
// on the renderer's own origin (font-route.ts) by the app:// protocol in Electron and by the Chromium
// host's server, both through serveFont. A `file:` reference names an absolute path, so without a check
// this route would read any file on the disk for a compromised renderer: only font files (by their first
// bytes) are ever returned.

/** SFNT (TrueType 1.0, 'true', 'OTTO'), collections and WOFF/WOFF2, by their tag. */
const FONT_TAGS = [[0x00, 0x01, 0x00, 0x00], [0x74, 0x72, 0x75, 0x65], [0x4f, 0x54, 0x54, 0x4f], [0x74, 0x74, 0x63, 0x66], [0x77, 0x4f, 0x46, 0x46], [0x77, 0x4f, 0x46, 0x32]];

export function isFontBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && FONT_TAGS.some((tag) => tag.every((b, i) => bytes[i] === b));
}

export type FontResponse = { status: 200; bytes: Uint8Array } | { status: 400 | 403 | 404; reason: string };

/** Answers a request for `pathname` under the font route; null when the path is not a font route. */
export async function serveFont(pathname: string): Promise<FontResponse | null> {
  if (!pathname.startsWith(FONT_ROUTE)) return null;
  const file = fontFileFromPath(pathname);
  if (file === null) return { status: 400, reason: '字体路径无效' };
  return serveFontFile(file);
}

/** One font file by its loader path, checked to be a font. */
async function serveFontFile(file: string): Promise<FontResponse> {
  let ref;
  try {
    ref = parseFontFile(file);
  } catch (e) {
    return { status: 400, reason: (e as Error).message };
  }
  let bytes: Uint8Array;
  try {
    bytes = await nodeFontLoader.load(file);
  } catch (e) {
    return { status: 404, reason: (e as Error).message };
  }
  if (!isFontBytes(bytes)) return { status: 403, reason: `不是字体文件：${ref.kind === 'file' ? ref.path : file}` };
  return { status: 200, bytes };
}

/** Headers for a served font; not cached by the page, since a house may replace its font file. */
const FONT_HEADERS = { 'content-type': 'font/ttf', 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' } as const;
const BATCH_HEADERS = { ...FONT_HEADERS, 'content-type': 'application/octet-stream' } as const;

/** What a host sends for a font-route request: a body as chunks in order, or a refusal's reason as text. */
export type FontRouteAnswer =
  | { status: 200; headers: Readonly<Record<string, string>>; chunks: Uint8Array[] }
  | { status: 400 | 403 | 404; reason: string };

/**
 * Answers a request under either font route (one file, or a batch of files: font-route.ts), for the app://
 * protocol and the Chromium host's server alike; null when the path is neither. A batch checks each file as
 * serveFont does and answers every one, refused ones with their reason.
 */
export async function serveFontRoute(pathname: string): Promise<FontRouteAnswer | null> {
  const batch = fontFilesFromBatchPath(pathname);
  if (batch !== null) {
    if (batch.length === 0) return { status: 400, reason: '字体批量请求无效' };
    const parts = await Promise.all(
      batch.map(async (file) => {
        const r = await serveFontFile(file);
        return r.status === 200 ? r : { status: r.status, bytes: new TextEncoder().encode(r.reason) };
      }),
    );
    return { status: 200, headers: BATCH_HEADERS, chunks: encodeFontBatch(parts) };
  }
  const one = await serveFont(pathname);
  if (!one) return null;
  return one.status === 200 ? { status: 200, headers: FONT_HEADERS, chunks: [one.bytes] } : one;
}
