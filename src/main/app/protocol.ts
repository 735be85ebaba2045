import path from 'node:path';

// The renderer is served from app://yeban/… instead of file:// so that it gets a real origin
// (CSP 'self', sender checks) and can never read files outside the built renderer folder.

export const APP_SCHEME = 'app';
export const APP_HOST = 'yeban';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolution = { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// request URL to a file inside `rootDir`. Refuses other hosts, encoded or literal
 * `..`, backslashes, NUL and anything that would land outside the root after normalisation:
 * the URL parser already collapses `/a/../b`, so every remaining escape attempt is hostile.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): Resolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparseable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 400, reason: `scheme ${url.protocol}` };
  if (url.host !== APP_HOST) return { ok: false, status: 403, reason: `host ${url.host}` };

  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0') || rel.includes('\\')) return { ok: false, status: 403, reason: 'forbidden character' };
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal' };

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, '.' + rel);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return { ok: false, status: 403, reason: 'outside the renderer folder' };
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}
