// Checks that a piece of copy was taken from the reference page without adding anything: after mapping the
// full-width marks back to the ASCII the extraction has and dropping whitespace, the text must be a
// sequence of long substrings of the page text, in page order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PAGE_TEXT = readFileSync(path.join(here, 'fixtures', 'taibaihu-page.txt'), 'utf8');

const BACK: Readonly<Record<string, string>> = { '，': ',', '（': '(', '）': ')', '：': ':', '；': ';', '！': '!', '？': '?' };

export function toSourceForm(text: string): string {
  return text.replace(/[，（）：；！？]/gu, (ch) => BACK[ch] ?? ch).replace(/\s+/gu, '');
}

const PAGE = toSourceForm(PAGE_TEXT);

export interface Provenance {
  readonly ok: boolean;
  /** The pieces matched, in order. */
  readonly segments: string[];
  /** The first part that could not be found (with a little context), when not ok. */
  readonly unmatched?: string;
}

/** Greedy longest-match segmentation of `text` against the page; every piece must be at least `minPiece` long. */
export function traceToPage(text: string, minPiece = 8): Provenance {
  const wanted = toSourceForm(text);
  const segments: string[] = [];
  let pos = 0;
  let cursor = 0;
  while (pos < wanted.length) {
    let best = -1;
    let bestAt = -1;
    let len = Math.min(minPiece, wanted.length - pos);
    let at = PAGE.indexOf(wanted.slice(pos, pos + len), cursor);
    while (at >= 0) {
      best = len;
      bestAt = at;
      if (pos + len >= wanted.length) break;
      len += 1;
      at = PAGE.indexOf(wanted.slice(pos, pos + len), cursor);
    }
    if (best < 0) return { ok: false, segments, unmatched: wanted.slice(pos, pos + 20) };
    segments.push(wanted.slice(pos, pos + best));
    pos += best;
    cursor = bestAt + best;
  }
  return { ok: true, segments };
}
