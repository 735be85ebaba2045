import type { Frame } from '../../model';

// The arithmetic of automatic page composition (issue 8): every story one rectangle on the grid, the lead
// across the top, the rest in vertical stacks of whole columns filled to the foot of the page. Pure: the
// measurements (body lines, headline lines, caption lines) come in from measure.ts.

export interface PhotoSpec {
  index: number;
  /** Caption + credit lines at a frame `span` columns wide. */
  captionLines: (span: number) => number;
}

export interface BlockSpec {
  storyId: string;
  /** Grid lines of the headline block (0: no headline). */
  headLines: number;
  /** Narrowest span whose headline lines fit, condensed as far as layout will go. */
  minSpan: number;
  /** Body lines at a one-column measure (a frame of `span` columns holds span lines per grid line). */
  textLines: number;
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
}

export interface Plan {
  frames: Frame[];
  /** Stories that did not fit on the page. */
  unplaced: string[];
  /** Stack widths below the lead, left to right. */
  stacks: number[];
}

/** White a headline band may take beyond its type: more looks like a hole, not air. */
const MAX_HEAD_GROWTH = 3;
/** Landscape 3:2 is the smallest picture; upright 3:4 the largest before white is left elsewhere. */
const PICTURE_MIN_ASPECT = 1.5;
const PICTURE_MAX_ASPECT = 0.75;

interface Sized {
  block: BlockSpec;
  strip: number;
  head: number;
  /** Photo story picture (+caption) lines, or the beside-photo's. */
  picture: number;
  pictureMax: number;
  caption: number;
  besideSpan: number;
  text: number;
}

function size(input: PlanInput, b: BlockSpec, w: number, stripFor: ReadonlySet<string>): Sized {
  const strip = stripFor.has(b.storyId) ? input.bandLines : 0;
  const photo = b.photos[0];
  if (b.photoStory && photo) {
    const caption = photo.captionLines(w);
    return {
      block: b, strip, head: b.headLines, caption, besideSpan: 0, text: Math.ceil(b.textLines / w),
      picture: input.pictureLines(w, PICTURE_MIN_ASPECT) + caption, pictureMax: input.pictureLines(w, PICTURE_MAX_ASPECT) + caption,
    };
  }
  if (photo) {
    // The photo stands in the text's top-left corner; the text wraps beside and under it.
    const span = w >= 2 ? Math.ceil(w / 2) : w;
    const caption = photo.captionLines(span);
    const picture = input.pictureLines(span, PICTURE_MIN_ASPECT) + caption;
    const text = Math.max(picture + 1, Math.ceil((b.textLines + span * picture) / w));
    return { block: b, strip, head: b.headLines, caption, besideSpan: span, text, picture, pictureMax: picture };
  }
  return { block: b, strip, head: b.headLines, caption: 0, besideSpan: 0, text: Math.ceil(b.textLines / w), picture: 0, pictureMax: 0 };
}

function height(s: Sized): number {
  return s.strip + s.head + (s.block.photoStory ? s.picture : 0) + s.text;
}

/** White lines a stack cannot hide after pictures and headlines took what they can. */
function leftover(sized: Sized[], available: number): number {
  let slack = available - sized.reduce((n, s) => n + height(s), 0);
  if (slack < 0) return -1;
  for (const s of sized) if (s.block.photoStory) slack -= Math.min(slack, s.pictureMax - s.picture);
  for (const s of sized) if (s.head > 0) slack -= Math.min(slack, MAX_HEAD_GROWTH);
  return slack;
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

interface Stack {
  col: number;
  width: number;
  top: number;
}

interface Choice {
  stacks: Stack[];
  groups: Sized[][];
  cost: number;
}

/** Stack layouts for the area left by the lead: the columns beside it from the top, those under it below. */
function stackLayouts(columns: number, leadWidth: number, top: number, underLead: number): Stack[][] {
  const beside = columns - leadWidth;
  const out: Stack[][] = [];
  const sideOptions = beside === 0 ? [[]] : [1, 2].flatMap((k) => compositions(beside, k));
  for (let k = 1; k <= 3; k++) {
    for (const under of compositions(leadWidth, k)) {
      for (const side of sideOptions) {
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

/** Every way to give each of `p` items one of `k` stacks. */
function* assignments(p: number, k: number): Generator<number[]> {
  if (p === 0) {
    yield [];
    return;
  }
  for (const rest of assignments(p - 1, k)) for (let g = 0; g < k; g++) yield [g, ...rest];
}

/**
 * Reports keep their budget order, cut into runs down the stacks; a photo story that heads no section is
 * free to stand at the foot of any stack, where its picture takes up the white.
 */
function bestStacks(input: PlanInput, blocks: BlockSpec[], layouts: Stack[][], stripFor: ReadonlySet<string>): Choice | null {
  let best: Choice | null = null;
  const floating = blocks.filter((b) => b.photoStory && !b.section);
  const ordered = blocks.filter((b) => !floating.includes(b));
  const n = ordered.length;
  for (const stacks of layouts) {
    const k = stacks.length;
    if (k > n + floating.length) continue;
    for (const cut of cuts(n, Math.min(k, n))) {
      const bounds = [0, ...cut, n];
      for (const assign of assignments(floating.length, k)) {
        let cost = 0;
        const groups: Sized[][] = [];
        for (let g = 0; g < k && cost >= 0; g++) {
          const st = stacks[g]!;
          const run = [...(g < bounds.length - 1 ? ordered.slice(bounds[g], bounds[g + 1]) : []), ...floating.filter((_, i) => assign[i] === g)];
          if (run.length === 0 || run.some((b) => b.minSpan > st.width)) {
            cost = -1;
            break;
          }
          const sized = run.map((b) => size(input, b, st.width, stripFor));
          const left = leftover(sized, input.lines - st.top);
          if (left < 0) cost = -1;
          else {
            // Every white line counts per column it spans; narrow stacks of long stories read badly.
            cost += left * st.width * 10 + sized.filter((x) => x.text > 0 && st.width < 3).length * 5;
            groups.push(sized);
          }
        }
        if (cost < 0) continue;
        if (!best || cost < best.cost) best = { stacks, groups, cost };
      }
    }
  }
  return best;
}

/** Frames of one story block at (col, line), `lines` tall in all, `w` wide. */
function blockFrames(s: Sized, col: number, line: number, lines: number, w: number, headGrowth: number, pictureGrowth: number): Frame[] {
  const id = s.block.storyId;
  const frames: Frame[] = [];
  const end = line + lines;
  let y = line;
  if (s.strip > 0 && s.block.section) {
    frames.push({ kind: 'box', id: `auto-${id}-section`, col, span: w, line: y, lines: s.strip, title: s.block.section.title, storyId: null, strokePt: 0, tint: null });
    y += s.strip;
  }
  if (s.head > 0) {
    frames.push({ kind: 'headline', id: `auto-${id}-headline`, storyId: id, col, span: w, line: y, lines: s.head + headGrowth, align: 'center', scaleX: 100 });
    y += s.head + headGrowth;
  }
  const photo = s.block.photos[0];
  if (s.block.photoStory && photo) {
    // A picture without text under it reaches the block's foot: the stack's last white goes into it.
    const pic = s.text > 0 ? s.picture + pictureGrowth : end - y;
    frames.push({ kind: 'image', id: `auto-${id}-photo`, storyId: id, photoIndex: photo.index, col, span: w, line: y, lines: pic, captionLines: s.caption, standoffChars: 0, standoffLines: 0, fit: 'fill' });
    y += pic;
    if (s.text > 0 && y < end) frames.push({ kind: 'text', id: `auto-${id}-text`, storyId: id, col, span: w, line: y, lines: end - y, columns: null, threadIndex: 0 });
    return frames;
  }
  if (end > y) frames.push({ kind: 'text', id: `auto-${id}-text`, storyId: id, col, span: w, line: y, lines: end - y, columns: null, threadIndex: 0 });
  if (photo) {
    frames.push({ kind: 'image', id: `auto-${id}-photo`, storyId: id, photoIndex: photo.index, col, span: s.besideSpan, line: y, lines: s.picture, captionLines: s.caption, standoffChars: 1, standoffLines: 1, fit: 'fill' });
  }
  return frames;
}

/** Places one stack: pictures grow first, then headlines get white, the last story takes what is left. */
function stackFrames(group: Sized[], col: number, top: number, available: number, w: number): Frame[] {
  let slack = available - group.reduce((n, s) => n + height(s), 0);
  const pictureGrowth = group.map((s) => {
    if (!s.block.photoStory) return 0;
    const g = Math.min(slack, s.pictureMax - s.picture);
    slack -= g;
    return g;
  });
  // What pictures cannot take goes to the headlines as white, a line each in turn up to a limit; what is
  // still left stays under the stack's last text, where the desk sees that the page wants more copy.
  const headGrowth = group.map(() => 0);
  for (let round = 0; round < MAX_HEAD_GROWTH && slack > 0; round++) {
    group.forEach((s, i) => {
      if (slack > 0 && s.head > 0) {
        headGrowth[i]! += 1;
        slack -= 1;
      }
    });
  }
  const frames: Frame[] = [];
  let y = top;
  group.forEach((s, i) => {
    const lines = height(s) + headGrowth[i]! + pictureGrowth[i]! + (i === group.length - 1 ? slack : 0);
    frames.push(...blockFrames(s, col, y, lines, w, headGrowth[i]!, pictureGrowth[i]!));
    y += lines;
  });
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

/**
 * The lead's width is chosen with the rest: its text must fill its columns to within one line, and the
 * columns beside and under it must take the other stories with the least white.
 */
export function planPage(input: PlanInput): Plan {
  const stripFor = new Set(input.blocks.filter((b) => b.section).map((b) => b.storyId));
  const leadIndex = chooseLead(input.blocks);
  const lead = input.blocks[leadIndex];
  let rest = input.blocks.filter((_, i) => i !== leadIndex);
  const unplaced: string[] = [];
  if (!lead) return { frames: [], unplaced, stacks: [] };
  const minLead = Math.max(lead.minSpan, Math.ceil(input.columns / 2));
  while (true) {
    let best: { choice: Choice | null; lead: Sized; width: number; cost: number } | null = null;
    // Widths whose columns the lead fills to within one line come first; the others only if none fits.
    const widths = Array.from({ length: input.columns - minLead + 1 }, (_, i) => minLead + i);
    const fillOf = (w: number): number => {
      const s = size(input, lead, w, stripFor);
      return w * s.text - lead.textLines - (s.besideSpan > 0 ? s.besideSpan * s.picture : 0);
    };
    const tight = widths.filter((w) => fillOf(w) <= 1);
    for (const w of [...tight, ...widths.filter((x) => !tight.includes(x))]) {
      if (best && tight.includes(best.width) && !tight.includes(w)) break;
      const s = size(input, lead, w, stripFor);
      const fill = fillOf(w);
      const underLead = input.top + height(s) + 1;
      if (rest.length === 0) {
        const cost = fill * 10;
        if (!best || cost < best.cost) best = { choice: null, lead: s, width: w, cost };
        continue;
      }
      const choice = bestStacks(input, rest, stackLayouts(input.columns, w, input.top, underLead), stripFor);
      if (!choice) continue;
      const cost = choice.cost + Math.max(0, fill) * 10 - w;
      if (!best || cost < best.cost) best = { choice, lead: s, width: w, cost };
    }
    if (best) {
      const frames: Frame[] = [...blockFrames(best.lead, 0, input.top, height(best.lead), best.width, 0, 0)];
      const underLead = input.top + height(best.lead);
      if (best.choice) {
        frames.push(rule('auto-rule-lead', 0, best.width, underLead, 1, 'horizontal'));
        const { stacks, groups } = best.choice;
        stacks.forEach((st, g) => {
          frames.push(...stackFrames(groups[g]!, st.col, st.top, input.lines - st.top, st.width));
          if (st.col > 0) frames.push(rule(`auto-rule-${g}`, st.col, 1, st.top, input.lines - st.top, 'vertical'));
        });
      }
      return { frames, unplaced, stacks: best.choice?.stacks.map((s) => s.width) ?? [] };
    }
    if (rest.length === 0) return { frames: [], unplaced: [lead.storyId, ...unplaced], stacks: [] };
    // Too much copy for one page: the end of the budget waits for another page.
    unplaced.unshift(rest[rest.length - 1]!.storyId);
    rest = rest.slice(0, -1);
  }
}
