import type { Frame } from '../../model';

// The arithmetic of automatic page composition (issue 8): every story one rectangle on the grid, the lead
// across the top under the largest headline, the rest in vertical stacks of whole columns that reach the
// foot of the page. Pure: the measurements (body lines, headline lines, caption lines) come in from
// measure.ts.
//
// What a layout editor keeps as a first draft decides the arithmetic. A story of L lines in w columns ends
// level (齐栏, within one line) only in ⌈L/w⌉ lines, its last columns a line shorter: text frames are
// never stretched to fill a stack. What a stack
// has left over goes where a page can take it: air around headlines (a few lines each), the height of
// pictures (between 3:2 landscape and 3:4 upright), the text beside a picture. A stack whose stories cannot
// take the white leaves it uncovered at its foot, and that plan costs more than any that fills.

export interface PhotoSpec {
  index: number;
  /** Caption + credit lines at a frame `span` columns wide. */
  captionLines: (span: number) => number;
  /** Width over height of the photo, when it is in the issue: the picture is cut to it as little as may be. */
  aspect?: number;
  /**
   * Whether the photo keeps the house's minimum resolution in a picture `span` columns wide and `lines`
   * grid lines high (caption excluded); absent while the photo is awaited.
   */
  sharpAt?: (span: number, lines: number) => boolean;
}

export interface BlockSpec {
  storyId: string;
  /** Grid lines of the headline block (0: no headline). */
  headLines: number;
  /** Narrowest span whose headline lines fit, condensed as far as layout will go. */
  minSpan: number;
  /** The same two figures with the 主题 in the lead's larger style, when this story leads the page. */
  lead?: { headLines: number; minSpan: number };
  /** Body lines at a one-column measure (a frame of `span` columns holds span lines per grid line). */
  textLines: number;
  /** Fewest lines a text column may have (a sub-head needs the lines kept with it). */
  minColumnLines?: number;
  /** A photo story: its pictures are the story. Otherwise photos sit beside the text. */
  photoStory: boolean;
  photos: PhotoSpec[];
  /** A 专栏 banner or section label standing over this story and the next ones. */
  section?: { title: string; storyIds: string[] };
}

export interface PlanInput {
  columns: number;
  lines: number;
  /** First free line (under the running head). */
  top: number;
  /** Lines of a box title band (section strips). */
  bandLines: number;
  /** Picture height in lines for a frame `span` columns wide at a width:height aspect. */
  pictureLines: (span: number, aspect: number) => number;
  blocks: BlockSpec[];
  /** Paragraph style the lead's headline frame names (absent: the lead keeps the ordinary 主题 style). */
  leadStyle?: string;
}

export interface Plan {
  frames: Frame[];
  /** Stories that did not fit on the page. */
  unplaced: string[];
  /** Stack widths below the lead, left to right. */
  stacks: number[];
  /** Grid lines left uncovered at the foot of each stack (too little copy for the page). */
  open: number[];
}

/** White a headline band may take beyond its type: more looks like a hole, not air. */
const MAX_HEAD_GROWTH = 4;
/** Landscape 3:2 is the smallest picture; upright 3:4 the largest; 4:3 the one a desk asks for. */
const PICTURE_MIN_ASPECT = 1.5;
const PICTURE_MAX_ASPECT = 0.75;
const PICTURE_NICE_ASPECT = 4 / 3;
/** How far the frame may cut a known photo: its own aspect over or under this factor. */
const PHOTO_CROP = 1.15;
/** Lines of text a wrapped picture must leave under itself in its columns. */
const MIN_TEXT_UNDER_PICTURE = 2;
/** Stories at the end of the budget that may change places with the first one left for another page. */
const SWAP_CANDIDATES = 3;
/** Text columns shallower than this are penalised. */
const SHALLOW_COLUMN = 5;
/** Cost of one uncovered column-line: far above anything a filled page may cost. */
const WHITE_COST = 10;

/** One way to set a story block at a given width. */
interface Config {
  /** All lines of the block, strip included. */
  height: number;
  strip: number;
  head: number;
  headGrowth: number;
  /** Text frame lines (0: no text frame). */
  text: number;
  /** Image frame lines, caption included (0: no picture). */
  picture: number;
  caption: number;
  /** Columns of a picture the text wraps around (0: photo story or none). */
  besideSpan: number;
  penalty: number;
}

/** Air over and under a headline: one line reads best, none is tight, more is a hole. */
function headPenalty(g: number): number {
  return g === 1 ? 0 : g === 0 ? 0.5 : (g - 1) * 1.5;
}

/**
 * The frame height in which `lines` of text over `w` columns end level within one line: ⌈lines/w⌉, the last
 * columns one line shorter (blockFrames sets them as a second frame).
 */
function textHeights(lines: number, w: number, minColumn = 1): { lines: number; penalty: number }[] {
  if (lines <= 0) return [{ lines: 0, penalty: 0 }];
  const t = Math.ceil(lines / w);
  // Sub-heads need their kept lines in every column, the shorter last columns included.
  if (minColumn > 1 && w > 1 && (t < minColumn || (w * t > lines && t - 1 < minColumn))) return [];
  // Fewer lines than columns: one line in as many columns, the others a line of white. Allowed, not liked.
  if (lines < w) return [{ lines: 1, penalty: SHALLOW_COLUMN * 6 }];
  // Columns only a few lines deep read as a strip, not a story.
  return [{ lines: t, penalty: w > 1 ? Math.max(0, SHALLOW_COLUMN - t) * 6 : 0 }];
}

/**
 * Heights (caption included) a picture `span` columns wide may take: a known photo near its own aspect and
 * no larger than its resolution allows (`sharp`), an awaited one anywhere from 3:2 to 3:4. Empty when the
 * photo would print too coarse at that width.
 */
function pictureRange(input: PlanInput, photo: PhotoSpec, span: number, caption: number, sharp: boolean): { min: number; max: number; nice: number } {
  const a = photo.aspect;
  let min = input.pictureLines(span, a ? a * PHOTO_CROP : PICTURE_MIN_ASPECT);
  let max = input.pictureLines(span, a ? a / PHOTO_CROP : PICTURE_MAX_ASPECT);
  const nice = input.pictureLines(span, a ?? PICTURE_NICE_ASPECT);
  min = Math.max(1, min);
  if (sharp && photo.sharpAt) while (max >= min && !photo.sharpAt(span, max)) max--;
  return { min: min + caption, max: max + caption, nice: nice + caption };
}

type Setting = Omit<Config, 'height' | 'strip' | 'head' | 'headGrowth'>;

/**
 * The picture in the text's top-left corner, the text wrapping beside it and running on under it one line of
 * standoff away; its height is chosen so that the text fills the frame to the line.
 */
function wrappedConfigs(input: PlanInput, b: BlockSpec, w: number, sharp: boolean): Setting[] {
  const photo = b.photos[0]!;
  const span = w >= 2 ? Math.ceil(w / 2) : w;
  const caption = photo.captionLines(span);
  const r = pictureRange(input, photo, span, caption, sharp);
  const out: Setting[] = [];
  for (let p = r.min; p <= r.max; p++) {
    const taken = span * (p + 1);
    const t = Math.ceil((b.textLines + taken) / w);
    if (t < p + 1 + MIN_TEXT_UNDER_PICTURE) continue;
    if (w * t - taken - b.textLines > 1) continue;
    out.push({ text: t, picture: p, caption, besideSpan: span, penalty: Math.abs(p - r.nice) * 0.2 });
  }
  return out;
}

/**
 * Every way (one per height, the least penalised) to set block `b` in `w` columns. Pictures are kept within
 * what their photo's resolution allows; only a block that cannot be set so at all takes a coarse picture
 * (the preflight then reports it), rather than leaving the story off the page.
 */
function configsOf(input: PlanInput, b: BlockSpec, w: number, strip: number, asLead: boolean): Map<number, Config> {
  const sharp = settingsOf(input, b, w, strip, asLead, true);
  return sharp.size > 0 || !b.photos[0]?.sharpAt ? sharp : settingsOf(input, b, w, strip, asLead, false);
}

function settingsOf(input: PlanInput, b: BlockSpec, w: number, strip: number, asLead: boolean, sharpOnly: boolean): Map<number, Config> {
  const head = asLead && b.lead ? b.lead.headLines : b.headLines;
  const growths = head > 0 ? Array.from({ length: MAX_HEAD_GROWTH + 1 }, (_, g) => g) : [0];
  const out = new Map<number, Config>();
  const add = (c: Setting): void => {
    for (const g of growths) {
      const height = strip + head + g + c.text + (c.besideSpan > 0 ? 0 : c.picture);
      const penalty = c.penalty + headPenalty(g) * (head > 0 ? 1 : 0);
      const prev = out.get(height);
      if (!prev || penalty < prev.penalty) out.set(height, { ...c, height, strip, head, headGrowth: g, penalty });
    }
  };
  const photo = b.photos[0];
  const wrapped = photo && !b.photoStory && b.textLines > 0 ? wrappedConfigs(input, b, w, sharpOnly) : [];
  for (const c of wrapped) add(c);
  if (out.size > 0) return out;
  // A photo story, or a story too short for its picture to stand in its text: the picture over the text.
  if (photo) {
    const caption = photo.captionLines(w);
    const r = pictureRange(input, photo, w, caption, sharpOnly);
    for (const t of textHeights(b.textLines, w, b.minColumnLines)) {
      for (let p = r.min; p <= r.max; p++) add({ text: t.lines, picture: p, caption, besideSpan: 0, penalty: t.penalty + Math.abs(p - r.nice) * 0.2 });
    }
    return out;
  }
  for (const t of textHeights(b.textLines, w, b.minColumnLines)) add({ text: t.lines, picture: 0, caption: 0, besideSpan: 0, penalty: t.penalty });
  return out;
}

/** Ways to write `total` as `k` column widths, each between 2 and 5. */
function compositions(total: number, k: number): number[][] {
  if (k === 1) return total >= 2 && total <= 5 ? [[total]] : [];
  const out: number[][] = [];
  for (let first = 2; first <= 5; first++) for (const rest of compositions(total - first, k - 1)) out.push([first, ...rest]);
  return out;
}

/** Cuts of n items into k non-empty runs, as the start index of each run after the first. */
function* cuts(n: number, k: number, from = 1): Generator<number[]> {
  if (k === 1) {
    yield [];
    return;
  }
  for (let i = from; i <= n - (k - 1); i++) for (const rest of cuts(n, k - 1, i + 1)) yield [i, ...rest];
}

/** Every way to give each of `p` items one of `k` stacks. */
function* assignments(p: number, k: number): Generator<number[]> {
  if (p === 0) {
    yield [];
    return;
  }
  for (const rest of assignments(p - 1, k)) for (let g = 0; g < k; g++) yield [g, ...rest];
}

interface Stack {
  col: number;
  width: number;
  top: number;
}

/** Stack layouts for the area left by the lead: the columns beside it from the top, those under it below. */
function stackLayouts(columns: number, leadWidth: number, top: number, underLead: number): Stack[][] {
  const beside = columns - leadWidth;
  const out: Stack[][] = [];
  const sideOptions = beside === 0 ? [[]] : [1, 2].flatMap((k) => compositions(beside, k));
  for (let k = 1; k <= 3; k++) {
    for (const under of compositions(leadWidth, k)) {
      for (const side of sideOptions) {
        // The lead's headline is the widest on the page: no stack as wide as the lead.
        if ([...side, ...under].some((w) => w >= leadWidth)) continue;
        const stacks: Stack[] = [];
        let col = leadWidth;
        for (const w of side) {
          stacks.push({ col, width: w, top });
          col += w;
        }
        col = 0;
        for (const w of under) {
          stacks.push({ col, width: w, top: underLead });
          col += w;
        }
        out.push(stacks);
      }
    }
  }
  return out;
}

interface Filled {
  run: readonly BlockSpec[];
  configs: Config[];
  /** Lines left uncovered at the stack's foot. */
  open: number;
  cost: number;
}

/** One step of the stack fill: the least penalty reaching each height with the blocks so far. */
interface Layer {
  best: Float64Array;
  /** The configuration (index into opts) that reached each height. */
  pick: Int32Array;
  opts: Config[];
}

function extend(prev: Float64Array, opts: Config[], available: number): Layer {
  const best = new Float64Array(available + 1).fill(Infinity);
  const pick = new Int32Array(available + 1).fill(-1);
  for (let h = 0; h <= available; h++) {
    const base = prev[h]!;
    if (base === Infinity) continue;
    for (let ci = 0; ci < opts.length; ci++) {
      const c = opts[ci]!;
      const to = h + c.height;
      if (to <= available && base + c.penalty < best[to]!) {
        best[to] = base + c.penalty;
        pick[to] = ci;
      }
    }
  }
  return { best, pick, opts };
}

/**
 * The planner's working state for one list of stories: block configurations per width, and for each run
 * start, width and height the fill of the runs from that start (extended one story at a time, so every
 * cut of the budget shares the work).
 */
class Planner {
  private configMemo = new Map<string, Map<number, Config>>();
  private chains = new Map<number, Layer[]>();
  private fills = new Map<number, Filled | null>();

  constructor(
    readonly input: PlanInput,
    readonly stripFor: ReadonlySet<string>,
    readonly ordered: readonly BlockSpec[],
    readonly floating: readonly BlockSpec[],
  ) {}

  configs(b: BlockSpec, w: number, asLead = false): Map<number, Config> {
    const key = `${b.storyId}/${w}/${asLead ? 1 : 0}`;
    let c = this.configMemo.get(key);
    if (!c) this.configMemo.set(key, (c = configsOf(this.input, b, w, this.stripFor.has(b.storyId) ? this.input.bandLines : 0, asLead)));
    return c;
  }

  private layers(start: number, end: number, w: number, available: number): Layer[] {
    const key = (start * 32 + w) * 1024 + available;
    let chain = this.chains.get(key);
    if (!chain) this.chains.set(key, (chain = []));
    while (chain.length < end - start) {
      const prev = chain.length > 0 ? chain[chain.length - 1]!.best : Float64Array.from({ length: available + 1 }, (_, h) => (h === 0 ? 0 : Infinity));
      chain.push(extend(prev, [...this.configs(this.ordered[start + chain.length]!, w).values()], available));
    }
    return chain.slice(0, end - start);
  }

  /**
   * Stories ordered[start..end) and the floating ones in `mask`, one configuration each, filling `available`
   * lines with the least penalty; white left at the foot costs per line and column. Null when even the
   * shortest settings overflow.
   */
  fill(start: number, end: number, mask: number, w: number, available: number): Filled | null {
    const key = (((start * 64 + end) * 64 + mask) * 32 + w) * 1024 + available;
    if (this.fills.has(key)) return this.fills.get(key)!;
    const result = this.fillUncached(start, end, mask, w, available);
    this.fills.set(key, result);
    return result;
  }

  private fillUncached(start: number, end: number, mask: number, w: number, available: number): Filled | null {
    const floats = this.floating.filter((_, i) => mask & (1 << i));
    const run = [...this.ordered.slice(start, end), ...floats];
    const layers = end > start ? this.layers(start, end, w, available) : [];
    for (const f of floats) {
      const prev = layers.length > 0 ? layers[layers.length - 1]!.best : Float64Array.from({ length: available + 1 }, (_, h) => (h === 0 ? 0 : Infinity));
      layers.push(extend(prev, [...this.configs(f, w).values()], available));
    }
    const last = layers[layers.length - 1];
    if (!last) return null;
    let foot = -1;
    let cost = Infinity;
    for (let h = available; h >= 0; h--) {
      if (last.best[h] === Infinity) continue;
      const c = last.best[h]! + (available - h) * w * WHITE_COST;
      if (c < cost) {
        cost = c;
        foot = h;
      }
    }
    if (foot < 0) return null;
    const configs: Config[] = [];
    for (let i = layers.length - 1, h = foot; i >= 0; i--) {
      const layer = layers[i]!;
      const c = layer.opts[layer.pick[h]!]!;
      configs.unshift(c);
      h -= c.height;
    }
    // Long stories in narrow stacks read badly.
    const narrow = w < 3 ? run.filter((b) => b.textLines > 0).length * 5 : 0;
    return { run, configs, open: available - foot, cost: cost + narrow };
  }
}

interface Choice {
  stacks: Stack[];
  fills: Filled[];
  cost: number;
}

/**
 * Reports keep their budget order, cut into runs down the stacks; a photo story that heads no section is
 * free to stand in any stack, where its picture takes up the white.
 */
function bestStacks(planner: Planner, layouts: Stack[][], bound: number): Choice | null {
  const input = planner.input;
  let best: Choice | null = null;
  const { ordered, floating } = planner;
  const n = ordered.length;
  for (const stacks of layouts) {
    const k = stacks.length;
    if (k > n + floating.length || n < 1) continue;
    for (const cut of cuts(n, Math.min(k, n))) {
      const bounds = [0, ...cut, n];
      for (const assign of assignments(floating.length, k)) {
        let cost = 0;
        const fills: Filled[] = [];
        for (let g = 0; g < k; g++) {
          const st = stacks[g]!;
          const start = g < bounds.length - 1 ? bounds[g]! : n;
          const end = g < bounds.length - 1 ? bounds[g + 1]! : n;
          let mask = 0;
          assign.forEach((a, i) => {
            if (a === g) mask |= 1 << i;
          });
          if (end === start && mask === 0) {
            cost = Infinity;
            break;
          }
          let narrow = false;
          for (let i = start; i < end; i++) if (ordered[i]!.minSpan > st.width) narrow = true;
          floating.forEach((b, i) => {
            if (mask & (1 << i) && b.minSpan > st.width) narrow = true;
          });
          const f = narrow ? null : planner.fill(start, end, mask, st.width, input.lines - st.top);
          if (!f) {
            cost = Infinity;
            break;
          }
          cost += f.cost;
          if (cost >= Math.min(bound, best?.cost ?? Infinity)) break;
          fills.push(f);
        }
        if (fills.length < k || cost === Infinity) continue;
        if (!best || cost < best.cost) best = { stacks, fills, cost };
      }
    }
  }
  return best;
}

/** Frames of one story block at (col, line), `w` wide, as configuration `c` sets it. */
function blockFrames(b: BlockSpec, c: Config, col: number, line: number, w: number, leadStyle?: string): Frame[] {
  const id = b.storyId;
  const frames: Frame[] = [];
  let y = line;
  if (c.strip > 0 && b.section) {
    frames.push({ kind: 'box', id: `auto-${id}-section`, col, span: w, line: y, lines: c.strip, title: b.section.title, storyId: null, strokePt: 0, tint: null });
    y += c.strip;
  }
  if (c.head > 0) {
    frames.push({
      kind: 'headline', id: `auto-${id}-headline`, storyId: id, col, span: w, line: y, lines: c.head + c.headGrowth, align: 'center', scaleX: 100,
      ...(leadStyle ? { style: leadStyle } : {}),
    });
    y += c.head + c.headGrowth;
  }
  const photo = b.photos[0];
  if (photo && c.picture > 0 && c.besideSpan === 0) {
    frames.push({ kind: 'image', id: `auto-${id}-photo`, storyId: id, photoIndex: photo.index, col, span: w, line: y, lines: c.picture, captionLines: c.caption, standoffChars: 0, standoffLines: 0, fit: 'fill' });
    y += c.picture;
  }
  if (c.text > 0 && c.besideSpan === 0) {
    // Level columns: the text fills the first columns to the foot and the last `short` columns one line less,
    // as two threaded frames (the layout fills a frame column by column).
    const short = Math.max(0, Math.min(w - 1, w * c.text - b.textLines));
    frames.push({ kind: 'text', id: `auto-${id}-text`, storyId: id, col, span: w - short, line: y, lines: c.text, columns: null, threadIndex: 0 });
    if (short > 0 && c.text > 1) frames.push({ kind: 'text', id: `auto-${id}-text-2`, storyId: id, col: col + w - short, span: short, line: y, lines: c.text - 1, columns: null, threadIndex: 1 });
  }
  if (c.text > 0 && c.besideSpan > 0) frames.push({ kind: 'text', id: `auto-${id}-text`, storyId: id, col, span: w, line: y, lines: c.text, columns: null, threadIndex: 0 });
  if (photo && c.besideSpan > 0) {
    frames.push({ kind: 'image', id: `auto-${id}-photo`, storyId: id, photoIndex: photo.index, col, span: c.besideSpan, line: y, lines: c.picture, captionLines: c.caption, standoffChars: 1, standoffLines: 1, fit: 'fill' });
  }
  return frames;
}

/** The lead is the first report with a dateline-sized body and a headline; it runs across the page. */
export function chooseLead(blocks: readonly BlockSpec[]): number {
  const i = blocks.findIndex((b) => !b.photoStory && b.headLines > 0 && b.textLines > 0 && !b.section);
  return i < 0 ? 0 : i;
}

const rule = (id: string, col: number, span: number, line: number, lines: number, orientation: 'horizontal' | 'vertical'): Frame => ({
  kind: 'rule', id, col, span, line, lines, orientation, weightPt: 0.5, style: 'solid', color: { c: 0, m: 0, y: 0, k: 100 },
});

interface LeadChoice {
  width: number;
  config: Config;
  choice: Choice | null;
  cost: number;
}

/**
 * The lead's width and height are chosen with the rest: the columns beside and under it must take the
 * other stories with the least white. Wider leads are preferred: the lead's headline is the page's widest.
 */
export function planPage(input: PlanInput): Plan {
  const stripFor = new Set(input.blocks.filter((b) => b.section).map((b) => b.storyId));
  const leadIndex = chooseLead(input.blocks);
  const lead = input.blocks[leadIndex];
  let rest = input.blocks.filter((_, i) => i !== leadIndex);
  const unplaced: string[] = [];
  if (!lead) return { frames: [], unplaced, stacks: [], open: [] };
  const leadMinSpan = lead.lead?.minSpan ?? lead.minSpan;
  // More than half the page, so no stack beside it can be as wide.
  const minLead = Math.min(input.columns, Math.max(leadMinSpan, Math.floor(input.columns / 2) + 1));
  const available = input.lines - input.top;
  // Copy far beyond the page's column-lines cannot fit whatever the plan: leave it for another page first,
  // so the search below runs on what a page can hold.
  const area = (b: BlockSpec): number => b.textLines + b.headLines * Math.max(2, b.minSpan) + (b.photos.length > 0 ? 2 * input.pictureLines(2, PICTURE_MIN_ASPECT) : 0);
  let total = area(lead) + rest.reduce((n, b) => n + area(b), 0);
  while (rest.length > 0 && total > input.columns * available) {
    total -= area(rest[rest.length - 1]!);
    unplaced.unshift(rest[rest.length - 1]!.storyId);
    rest = rest.slice(0, -1);
  }
  const search = (blocks: BlockSpec[]): LeadChoice | null => {
    const floating = blocks.filter((b) => b.photoStory && !b.section);
    const planner = new Planner(input, stripFor, blocks.filter((b) => !floating.includes(b)), floating);
    let best: LeadChoice | null = null;
    for (let w = input.columns; w >= minLead; w--) {
      const configs = [...planner.configs(lead, w, true).values()].filter((c) => c.height + 1 < available);
      for (const c of configs) {
        const leadCost = c.penalty - w * 2;
        if (blocks.length === 0) {
          const cost = leadCost + (w < input.columns ? (input.columns - w) * available * WHITE_COST : 0);
          if (!best || cost < best.cost) best = { width: w, config: c, choice: null, cost };
          continue;
        }
        const underLead = input.top + c.height + 1;
        const choice = bestStacks(planner, stackLayouts(input.columns, w, input.top, underLead), (best?.cost ?? Infinity) - leadCost);
        if (!choice) continue;
        const cost = choice.cost + leadCost;
        if (!best || cost < best.cost) best = { width: w, config: c, choice, cost };
      }
    }
    return best;
  };
  for (;;) {
    let best = search(rest);
    if (best && unplaced.length > 0 && best.choice && best.choice.fills.some((f) => f.open > 1)) {
      // The page is full but the stories kept leave white: a story near the end of the budget may change
      // places with the first one left out, if that fills the page.
      const out = input.blocks.find((b) => b.storyId === unplaced[0])!;
      for (let i = Math.max(0, rest.length - SWAP_CANDIDATES); i < rest.length; i++) {
        const swapped = [...rest.slice(0, i), ...rest.slice(i + 1), out];
        const alt = search(swapped);
        if (alt && alt.cost < best.cost) {
          unplaced[0] = rest[i]!.storyId;
          rest = swapped;
          best = alt;
        }
      }
    }
    if (best) return framesOf(input, lead, best);
    if (rest.length === 0) return { frames: [], unplaced: [lead.storyId, ...unplaced], stacks: [], open: [] };
    // Too much copy for one page: the end of the budget waits for another page.
    unplaced.unshift(rest[rest.length - 1]!.storyId);
    rest = rest.slice(0, -1);
  }

  function framesOf(input: PlanInput, lead: BlockSpec, best: LeadChoice): Plan {
    const frames: Frame[] = blockFrames(lead, best.config, 0, input.top, best.width, input.leadStyle);
    const underLead = input.top + best.config.height;
    const open: number[] = [];
    if (best.choice) {
      frames.push(rule('auto-rule-lead', 0, best.width, underLead, 1, 'horizontal'));
      best.choice.stacks.forEach((st, g) => {
        const fill = best.choice!.fills[g]!;
        let y = st.top;
        fill.configs.forEach((c, i) => {
          frames.push(...blockFrames(fill.run[i]!, c, st.col, y, st.width));
          y += c.height;
        });
        open.push(fill.open);
        if (st.col > 0) frames.push(rule(`auto-rule-${g}`, st.col, 1, st.top, input.lines - st.top - fill.open, 'vertical'));
      });
    }
    return { frames, unplaced, stacks: best.choice?.stacks.map((s) => s.width) ?? [], open };
  }
}
