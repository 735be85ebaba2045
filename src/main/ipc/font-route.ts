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
