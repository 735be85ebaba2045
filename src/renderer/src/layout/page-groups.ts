import { type Cmyk, type DisplayItem, type DisplayPage } from '../../../core/display/types';

// The page view draws a page as runs of items, one run per stretch of the drawing order that belongs to one story
// (page furniture is owner ''). Each run carries a digest of what it draws, so after a keystroke only the runs whose
// digest changed are drawn again: the other stories' SVG stays in the DOM untouched.

export interface PageGroup {
  /** Stable across layouts while the page's structure holds: owner and how many runs of that owner came before. */
  readonly key: string;
  /** Story id, or '' for page furniture (running head, banners, rules drawn before any story). */
  readonly owner: string;
  readonly items: readonly DisplayItem[];
  /** Digest of every drawn property of the items (positions to 1/1000 pt). */
  readonly hash: number;
  readonly hasImage: boolean;
}

const FNV_PRIME = 0x01000193;
const mix = (h: number, n: number): number => Math.imul(h ^ n, FNV_PRIME);
const num = (h: number, v: number | undefined): number => mix(h, v === undefined ? 0x7fffffff : Math.round(v * 1000) | 0);
const str = (h: number, s: string): number => {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return mix(h, 0xfffe);
};
const color = (h: number, c: Cmyk | undefined): number => (c ? num(num(num(num(h, c.c), c.m), c.y), c.k) : mix(h, 0xfffd));

/** A numeric digest of one item, folded into `h`: what it draws, not where its text came from. */
function itemHash(h: number, it: DisplayItem): number {
  switch (it.kind) {
    case 'glyph':
      h = str(mix(h, 1), it.face);
      h = num(num(num(num(num(mix(h, it.gid), it.x), it.y), it.size), it.scaleX), it.scaleY);
      return mix(color(h, it.color), it.missing ? 1 : 0);
    case 'rule':
      return str(color(num(num(num(num(num(mix(h, 2), it.x1), it.y1), it.x2), it.y2), it.width), it.color), it.style);
    case 'rect':
      h = color(num(num(num(num(mix(h, 3), it.x), it.y), it.w), it.h), it.fill);
      return it.stroke ? color(num(h, it.stroke.width), it.stroke.color) : mix(h, 0);
    case 'image':
      h = num(num(num(num(str(mix(h, 4), it.assetId), it.x), it.y), it.w), it.h);
      return it.clip ? num(num(num(num(h, it.clip.x), it.clip.y), it.clip.w), it.clip.h) : mix(h, 0);
  }
}

/**
 * Glyphs after which a story's run is cut at the next line: a keystroke then redraws the lines around the edit (and
 * those that moved), not the whole story; far more runs would cost the browser more than they save.
 */
const RUN_ITEMS = 160;

const ownerOf = (it: DisplayItem): string | null => (it.kind === 'glyph' || it.kind === 'image' ? (it.src?.storyId ?? '') : null);

/**
 * The page's items cut into runs by owner (and long runs at a line), in drawing order (drawing them in this order is
 * drawing the page). Rules and boxes carry no source: they join the run they are drawn in.
 */
export function pageGroups(page: DisplayPage): PageGroup[] {
  const out: PageGroup[] = [];
  const seen = new Map<string, number>();
  let items: DisplayItem[] = [];
  let owner = '';
  let hash = 0x811c9dc5;
  let hasImage = false;
  const flush = () => {
    if (items.length === 0) return;
    const n = seen.get(owner) ?? 0;
    seen.set(owner, n + 1);
    out.push({ key: `${owner}#${n}`, owner, items, hash: hash >>> 0, hasImage });
  };
  let baseline = Number.NaN;
  for (const it of page.items) {
    const o = ownerOf(it);
    // A new story starts a run; so does a new line once a run holds a few lines' worth of glyphs.
    const newLine = it.kind === 'glyph' && it.y !== baseline && items.length >= RUN_ITEMS;
    if (it.kind === 'glyph') baseline = it.y;
    if (((o !== null && o !== owner) || newLine) && items.length > 0) {
      flush();
      items = [];
      hash = 0x811c9dc5;
      hasImage = false;
    }
    if (o !== null) owner = o;
    items.push(it);
    hash = itemHash(hash, it);
    if (it.kind === 'image') hasImage = true;
  }
  flush();
  return out;
}
