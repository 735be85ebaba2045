// A fingerprint of a display page, so two processes can prove they drew the same page (the desk's screen and
// the main process's export) without shipping thousands of glyphs across IPC. Faces are named by file and
// psName, not by their per-run key; coordinates are rounded to 1/1000 pt so float noise between runs does
// not count, anything larger does.
import { type Cmyk, type DisplayItem, type DisplayPage } from './types';

const n = (v: number | undefined): string => (v === undefined ? '-' : (Math.round(v * 1000) / 1000).toString());
const c = (k: Cmyk | undefined): string => (k ? `${n(k.c)},${n(k.m)},${n(k.y)},${n(k.k)}` : '-');

function itemLine(page: DisplayPage, it: DisplayItem): string {
  switch (it.kind) {
    case 'glyph': {
      const f = page.faces[it.face];
      return `g|${f ? `${f.file}#${f.psName}` : it.face}|${it.gid}|${n(it.x)}|${n(it.y)}|${n(it.size)}|${n(it.scaleX)}|${n(it.scaleY)}|${c(it.color)}|${it.text}|${it.missing ? 1 : 0}${it.rotate ? `|r${it.rotate}` : ''}`;
    }
    case 'rule':
      return `l|${n(it.x1)}|${n(it.y1)}|${n(it.x2)}|${n(it.y2)}|${n(it.width)}|${it.style}|${c(it.color)}`;
    case 'rect':
      return `r|${n(it.x)}|${n(it.y)}|${n(it.w)}|${n(it.h)}|${c(it.fill)}|${it.stroke ? `${n(it.stroke.width)}:${c(it.stroke.color)}` : '-'}`;
    case 'image':
      return `i|${it.assetId}|${n(it.x)}|${n(it.y)}|${n(it.w)}|${n(it.h)}|${it.clip ? `${n(it.clip.x)},${n(it.clip.y)},${n(it.clip.w)},${n(it.clip.h)}` : '-'}`;
  }
}

/** Two 32-bit FNV-1a passes with different seeds, as 16 hex digits: pure TS, the same in the renderer and in Node. */
function fnv1a64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export interface PageDigest {
  readonly pageId: string;
  readonly number: string;
  readonly items: number;
  readonly glyphs: number;
  readonly hash: string;
}

/** The fingerprint of one page: size, every item in drawing order. */
export function digestPage(page: DisplayPage): PageDigest {
  const lines = [`p|${page.number}|${n(page.width)}|${n(page.height)}`];
  let glyphs = 0;
  for (const it of page.items) {
    if (it.kind === 'glyph') glyphs++;
    lines.push(itemLine(page, it));
  }
  return { pageId: page.pageId, number: page.number, items: page.items.length, glyphs, hash: fnv1a64(lines.join('\n')) };
}
