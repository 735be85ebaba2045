// Font bytes reach the renderer as a plain HTTP-style fetch from its own origin (app://yeban in Electron,
// the loopback server in the Chromium host), not over invoke: a page's fonts are 20–30 MB, which as
// base64 through IPC or a JSON binding cost seconds before the first page could be drawn.

/** Path prefix under the renderer's origin; never a built asset's path (those live under /assets/). */
export const FONT_ROUTE = '/_fonts/';

/** The URL path (same origin) for a font loader path such as 'fontsource:noto-serif-sc/400/117'. */
export function fontUrlPath(file: string): string {
  return FONT_ROUTE + encodeURIComponent(file);
}

/** The loader path a font URL path names, or null when the path is not a font route. */
export function fontFileFromPath(pathname: string): string | null {
  if (!pathname.startsWith(FONT_ROUTE)) return null;
  try {
    const file = decodeURIComponent(pathname.slice(FONT_ROUTE.length));
    return file.length > 0 && file.length <= 4200 && !file.includes('\0') ? file : null;
  } catch {
    return null;
  }
}

// A page needs some ninety font files at once (one per Noto slice); fetched one by one they queue six at a
// time on one origin and cost more in request overhead than in bytes. The renderer asks for the small files
// of one layout in one request; the answer holds each file (or why it was refused) in the order asked.

/** Path prefix of a request for several fonts at once. */
export const FONT_BATCH_ROUTE = '/_fonts-batch/';
/** Files in one batch request (its URL stays a few kilobytes). */
export const FONT_BATCH_MAX = 96;

/** The URL path asking for `files` in one answer. */
export function fontBatchUrlPath(files: readonly string[]): string {
  return FONT_BATCH_ROUTE + encodeURIComponent(files.join('\n'));
}

/** The loader paths a batch URL path names; null when it is not a batch path, [] when it is malformed. */
export function fontFilesFromBatchPath(pathname: string): string[] | null {
  if (!pathname.startsWith(FONT_BATCH_ROUTE)) return null;
  let files: string[];
  try {
    files = decodeURIComponent(pathname.slice(FONT_BATCH_ROUTE.length)).split('\n');
  } catch {
    return [];
  }
  const ok = files.length <= FONT_BATCH_MAX && files.every((f) => f.length > 0 && f.length <= 4200 && !f.includes('\0'));
  return ok ? files : [];
}

/** One file of a batch answer: 200 and the font's bytes, or the refusal's status and its reason in UTF-8. */
export interface FontBatchPart {
  readonly status: number;
  readonly bytes: Uint8Array;
}

/** The answer's body as chunks to send in order (no copy of the fonts): per file a status and a length (u32 big-endian each), then its bytes. */
export function encodeFontBatch(parts: readonly FontBatchPart[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const p of parts) {
    const head = new Uint8Array(8);
    const v = new DataView(head.buffer);
    v.setUint32(0, p.status);
    v.setUint32(4, p.bytes.length);
    out.push(head, p.bytes);
  }
  return out;
}

/** Splits an answer into its parts (views into `body`, not copies); throws when the body is cut short. */
export function decodeFontBatch(body: Uint8Array, count: number): FontBatchPart[] {
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const out: FontBatchPart[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 8 > body.length) throw new Error(`字体批量应答不完整（第 ${i + 1} 个文件缺失）`);
    const status = v.getUint32(at);
    const length = v.getUint32(at + 4);
    at += 8;
    if (at + length > body.length) throw new Error(`字体批量应答不完整（第 ${i + 1} 个文件被截断）`);
    out.push({ status, bytes: body.subarray(at, at + length) });
    at += length;
  }
  return out;
}
