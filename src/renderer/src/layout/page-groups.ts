import { type Cmyk, type DisplayItem, type DisplayPage, type GlyphItem } from '../../../core/display/types';

// The page view draws a page as runs of items: a few lines of one story at a time (page furniture is owner ''). Each
// run carries a digest of what it draws, measured from its own first glyph, and is keyed by that digest: after a
// keystroke, a run whose lines only moved (pushed down a line, or on into the next column) keeps its key, its DOM
// and its drawing, and is only moved; only runs whose drawing changed are drawn again.

export interface PageGroup {
  /** Owner, digest and how many runs of the same owner and digest came before: the same drawing keeps its key. */
  readonly key: string;
  /** Story id, or '' for page furniture (running head, banners, rules drawn before any story). */
  readonly owner: string;
  readonly items: readonly DisplayItem[];
  /**
   * The point the run is drawn from: its first glyph's origin for a run of glyphs, (0, 0) for a run holding a rule,
   * a box or a picture (those stay in page coordinates).
   */
  readonly originX: number;
  readonly originY: number;
  /** Digest of every drawn property of the items, positions from the origin (to 1/1000 pt). */
  readonly hash: number;
  readonly hasImage: boolean;
}

/** What a run's ink may cover, in pt from its origin. */
export interface InkBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * What the run's ink may cover, from its origin: the same for every run of one key (a run that only moved keeps it).
 * The run's own SVG is this big (PageSvg): a layer the size of the page would be damaged whole each time a line's
 * layer is made or dropped. Every glyph's outline fits without reading it: an em above the baseline and half an em
 * below, the advance and half an em either side (accents, a Latin italic, 扁体 and 长体 stay inside), or as much
 * across for a glyph turned a quarter. Rules, boxes and pictures to their drawn edge.
 */
export function inkBox(run: PageGroup): InkBox {
  const { items, originX: ox, originY: oy } = run;
  // Plain locals, no closure: a closure's captured numbers live boxed on the heap, an allocation per update.
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const it of items) {
    let a: number;
    let b: number;
    let c: number;
    let d: number;
    if (it.kind === 'glyph') {
      const x = it.x - ox;
      const y = it.y - oy;
      const s = it.size;
      const run = Math.max(it.advance, s);
      const turned = it.rotate === 90;
      a = turned ? x - 1.5 * s : x - 0.5 * s;
      b = turned ? y - s : y - 1.5 * s;
      c = turned ? x + 1.5 * s : x + run + 0.5 * s;
      d = turned ? y + run + s : y + s;
    } else if (it.kind === 'rule') {
      const w = it.width;
      a = Math.min(it.x1, it.x2) - ox - w;
      b = Math.min(it.y1, it.y2) - oy - w;
      c = Math.max(it.x1, it.x2) - ox + w;
      d = Math.max(it.y1, it.y2) - oy + w;
    } else {
      const w = it.kind === 'rect' ? (it.stroke?.width ?? 0) : 0;
      a = it.x - ox - w;
      b = it.y - oy - w;
      c = it.x + it.w - ox + w;
      d = it.y + it.h - oy + w;
    }
    if (a < x0) x0 = a;
    if (b < y0) y0 = b;
    if (c > x1) x1 = c;
    if (d > y1) y1 = d;
  }
  if (x0 === Infinity) return { x: 0, y: 0, w: 0, h: 0 };
  // Out to whole points, and a point to spare.
  const x = Math.floor(x0) - 1;
  const y = Math.floor(y0) - 1;
  return { x, y, w: Math.ceil(x1) + 1 - x, h: Math.ceil(y1) + 1 - y };
}

const FNV_PRIME = 0x01000193;
const FNV_START = 0x811c9dc5;
/**
 * FNV-1a's step, kept to 30 bits: a small integer (a V8 Smi) is never boxed, where a 32-bit digest handed between
 * functions V8 has not inlined became a heap number per step (~60 KB of garbage a keystroke, digesting the lines after
 * an edit).
 */
const mix = (h: number, n: number): number => Math.imul(h ^ n, FNV_PRIME) & 0x3fffffff;
const num = (h: number, v: number | undefined): number => mix(h, v === undefined ? 0x7fffffff : Math.round(v * 1000) | 0);
const str = (h: number, s: string): number => {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return mix(h, 0xfffe);
};
const color = (h: number, c: Cmyk | undefined): number => (c ? num(num(num(num(h, c.c), c.m), c.y), c.k) : mix(h, 0xfffd));

/**
 * A numeric digest of one item drawn from (ox, oy), folded into `h`: what it draws, not where its text came from.
 * `face` is the digest of the glyph's face key (one per face, not per glyph).
 */
function itemHash(h: number, it: DisplayItem, ox: number, oy: number, face: (key: string) => number): number {
  switch (it.kind) {
    case 'glyph':
      h = mix(mix(h, 1), face(it.face));
      h = num(num(num(num(num(mix(h, it.gid), it.x - ox), it.y - oy), it.size), it.scaleX), it.scaleY);
      return mix(mix(color(h, it.color), it.missing ? 1 : 0), it.rotate ?? 0);
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
 * A run ends after a line whose glyphs' digest is a multiple of this: boundaries follow the text, not the count of
 * lines from the column top, so the lines after an edit fall into the same runs as before (about this many lines
 * each) and only the runs where the text changed, or a column break now falls, are drawn again.
 */
const LINES_PER_RUN = 4;
/** A run takes no new line once it holds this many items, whatever its text (a long headline, a table of figures). */
const RUN_MAX_ITEMS = 96;

/** One line in LINES_PER_RUN ends a run, chosen by its text: the digest's high bits, after mixing (FNV's low bits see only the inputs' low bits). */
const textBoundary = (text: number): boolean => ((Math.imul(text ^ (text >>> 15), 0x2c1b3c6d) >>> 0) / 2 ** 32) * LINES_PER_RUN < 1;

const ownerOf = (it: DisplayItem): string | null => (it.kind === 'glyph' || it.kind === 'image' ? (it.src?.storyId ?? '') : null);

/** Face key digests, fixed for the life of the page view (a face key always names the same file). */
const faceDigests = new Map<string, number>();
const face = (key: string): number => {
  let h = faceDigests.get(key);
  if (h === undefined) {
    h = str(FNV_START, key);
    faceDigests.set(key, h);
  }
  return h;
};

/** A run before its key: the key's count of earlier runs with the same drawing is the page's to give. */
type Run = Omit<PageGroup, 'key'> & { readonly id: string };

/**
 * How finely an owner's stretch is cut: `lines`, a run per line (the story being written); `chunks`, runs of about
 * LINES_PER_RUN lines cut by their text; `columns`, a run per column or frame (a story that will not change while
 * another is written: fewer runs for the browser to lay out, paint and layerize each frame).
 */
type RunCut = 'lines' | 'chunks' | 'columns';

/**
 * One owner's stretch of the page's items cut into runs: a line is the items from one change of baseline to the next
 * (rules and boxes stay with the line they are drawn in); a line starts a new run when it is a picture, stands in
 * another column or frame (higher up the page, or off to the side), and further as `cut` asks: after every line, or
 * after a text boundary (LINES_PER_RUN) or a full run.
 */
function ownerRuns(all: readonly DisplayItem[], from: number, to: number, owner: string, cut: RunCut): Run[] {
  const out: Run[] = [];
  let items: DisplayItem[] = [];
  let first: GlyphItem | null = null; // the run's first glyph: its origin
  let hash = FNV_START; // from `first`, while every item is a glyph
  let placed = true;
  let hasImage = false;
  let lineFirst: GlyphItem | null = null;
  let lineText = FNV_START; // the current line's faces and glyph ids

  const flush = () => {
    if (items.length === 0) return;
    let ox = 0;
    let oy = 0;
    if (placed && first) {
      ox = first.x;
      oy = first.y;
    } else {
      hash = FNV_START;
      for (const it of items) hash = itemHash(hash, it, 0, 0, face);
    }
    const digest = hash >>> 0;
    out.push({ id: `${owner}~${digest.toString(36)}`, owner, items, originX: ox, originY: oy, hash: digest, hasImage });
    items = [];
    first = null;
    hash = FNV_START;
    placed = true;
    hasImage = false;
  };

  for (let i = from; i < to; i++) {
    const it = all[i]!;
    const newLine = items.length === 0 || it.kind === 'image' || (it.kind === 'glyph' && lineFirst !== null && it.y !== lineFirst.y);
    if (newLine) {
      if (items.length > 0) {
        const g = it.kind === 'glyph' ? it : null;
        const split =
          g === null ||
          lineFirst === null ||
          g.y < lineFirst.y ||
          Math.abs(g.x - lineFirst.x) > 4 * Math.max(g.size, lineFirst.size) ||
          cut === 'lines' ||
          (cut === 'chunks' && (textBoundary(lineText) || items.length >= RUN_MAX_ITEMS));
        if (split) flush();
      }
      lineFirst = null;
      lineText = FNV_START;
    }
    items.push(it);
    if (it.kind === 'glyph') {
      lineFirst ??= it;
      lineText = mix(mix(lineText, face(it.face)), it.gid);
      if (first === null && items.length === 1) first = it;
      if (placed && first) hash = itemHash(hash, it, first.x, first.y, face);
    } else {
      placed = false;
      if (it.kind === 'image') hasImage = true;
    }
  }
  flush();
  return out;
}

/**
 * The runs of one owner's stretch, by its first item: a story the keystroke did not touch keeps its item objects
 * (the layout engine reuses them), so its runs are taken as they were instead of digesting its glyphs again.
 */
interface MadeRuns {
  readonly items: readonly DisplayItem[];
  readonly runs: Run[];
  readonly cut: RunCut;
}
const madeRuns = new WeakMap<DisplayItem, MadeRuns>();

/** A stretch cut anew, remembered by its first item for the next page (knownStretch). */
function rememberedOwnerRuns(all: readonly DisplayItem[], from: number, to: number, owner: string, cut: RunCut): Run[] {
  const runs = ownerRuns(all, from, to, owner, cut);
  madeRuns.set(all[from]!, { items: all.slice(from, to), runs, cut });
  return runs;
}

/** Whether `all` holds `items`' very objects from `from` on. */
function sameItems(all: readonly DisplayItem[], from: number, items: readonly DisplayItem[]): boolean {
  if (from + items.length > all.length) return false;
  for (let i = 0; i < items.length; i++) if (all[from + i] !== items[i]) return false;
  return true;
}

/**
 * The stretch of `owner` starting at `from` as cut before, when it is the same item objects and ends where it ended
 * (the next item is another owner's, or there is none); else null. Its items' owners need not be read again: the
 * same objects have the same owners.
 */
function knownStretch(all: readonly DisplayItem[], from: number, owner: string, cut: RunCut): MadeRuns | null {
  const made = madeRuns.get(all[from]!);
  if (!made || made.cut !== cut || made.runs[0]?.owner !== owner || !sameItems(all, from, made.items)) return null;
  const end = from + made.items.length;
  if (end < all.length) {
    const next = ownerOf(all[end]!);
    if (next === null || next === owner) return null;
  }
  return made;
}

/**
 * The page's items cut into runs (drawing them in this order is drawing the page): each stretch of one owner's items
 * (page furniture is owner '') cut on its own (ownerRuns), and keyed by its drawing.
 *
 * `writing` names the story being written beside the page. Its lines are one run each: a keystroke redraws only the
 * lines whose text changed, and a line that wrapped on into the next line or column only moves (in runs of several
 * lines, each column break the story crosses would cut two runs differently after every wrap, and both be drawn
 * again). Meanwhile nothing else on the page changes, so every other story is a run per column. Without a story
 * being written (a page that any story may change), every story is cut into chunks of a few lines.
 */
export function pageGroups(page: DisplayPage, writing: string | null = null): PageGroup[] {
  const out: PageGroup[] = [];
  const seen = new Map<string, number>();
  const items = page.items;
  const cutOf = (o: string): RunCut => (writing === null ? 'chunks' : o !== '' && o === writing ? 'lines' : 'columns');
  const push = (runs: readonly Run[]) => {
    for (const run of runs) {
      const n = seen.get(run.id) ?? 0;
      seen.set(run.id, n + 1);
      out.push({ key: `${run.id}~${n}`, owner: run.owner, items: run.items, originX: run.originX, originY: run.originY, hash: run.hash, hasImage: run.hasImage });
    }
  };
  let owner = '';
  let from = 0;
  // Every stretch start was offered to knownStretch first: what reaches here is cut anew.
  const take = (to: number) => {
    if (to === from) return;
    push(rememberedOwnerRuns(items, from, to, owner, cutOf(owner)));
    from = to;
  };
  let i = 0;
  while (i < items.length) {
    if (i === from) {
      // A stretch cut before, item for item (a story the keystroke did not touch): taken whole, its owners unread.
      const made = knownStretch(items, from, owner, cutOf(owner));
      if (made) {
        push(made.runs);
        from += made.items.length;
        if (from === items.length) return out;
        owner = ownerOf(items[from]!)!;
        i = from;
        continue;
      }
    }
    const o = ownerOf(items[i]!);
    if (o !== null && o !== owner) {
      take(i);
      owner = o;
      continue;
    }
    i++;
  }
  take(items.length);
  return out;
}
