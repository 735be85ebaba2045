import type { GlyphItem } from '../display/types';
import type { ComposerParagraph, Story } from '../model';
import { centredBaseline } from './headline-lines';
import { lineBaseline, lineTop, type PageGrid } from './grid';
import type { FrameFit, StoryFit } from './report';
import type { Slot } from './slots';
import { placeLine } from './place';
import { lineChars, type SetLine, type Typesetter } from './typesetter';

// 续排: a story's body flows through its text frames in thread order, one composed line per grid line of
// each column, so every body baseline on the page is a grid baseline. Where the thread crosses to another
// page, the last line before the crossing and the first after it carry the jump lines.

export interface ThreadFrame {
  readonly frameId: string;
  readonly pageIndex: number;
  readonly pageId: string;
  readonly pageNumber: string;
  readonly slots: readonly Slot[];
}

/** A thread's copyfit figures are exactly the story's (documented on StoryFit), plus where its glyphs went. */
export interface ThreadResult
  extends Pick<StoryFit, 'frames' | 'linesUsed' | 'oversetChars' | 'oversetLines' | 'undersetLines' | 'undersetChars' | 'missing'> {
  /** Glyphs per page index. */
  readonly glyphs: ReadonlyMap<number, readonly GlyphItem[]>;
  /** Every line placed, in reading order (tests check order and positions from this). */
  readonly placed: readonly PlacedLine[];
  /** Face keys the glyphs use, per page index. */
  readonly faces: ReadonlyMap<number, ReadonlySet<string>>;
}

export interface PlacedLine {
  readonly slot: Slot;
  readonly line: SetLine;
  readonly kind: 'body' | 'jump';
  readonly baseline: number;
}

/** '03' → '3', 'A03' → 'A3': how a jump line names a page. */
export function jumpPageName(number: string): string {
  return number.replace(/^([A-Za-z]*)0+(?=\d)/, '$1');
}

interface Flow {
  placed: PlacedLine[];
  /** Every slot a body line took (a multi-line style takes several). */
  consumed: Set<Slot>;
  oversetChars: number;
  oversetLines: number;
  lastBodyFrame: number;
}

function paragraphEnd(p: ComposerParagraph): number {
  let end = p.offset;
  for (const r of p.runs) end = Math.max(end, r.offset + r.text.length);
  return end;
}

export function flowThread(grid: PageGrid, story: Story, frames: readonly ThreadFrame[], ts: Typesetter): ThreadResult {
  const crossings: number[] = [];
  for (let i = 0; i + 1 < frames.length; i++) if (frames[i]!.pageIndex !== frames[i + 1]!.pageIndex) crossings.push(i);
  let active = new Set(crossings);
  let flow = runFlow(grid, story, frames, ts, active);
  // A crossing the text never reaches needs no jump lines: give their lines back to the text and reflow.
  for (;;) {
    const unused = [...active].filter((i) => flow.lastBodyFrame <= i);
    if (unused.length === 0) break;
    active = new Set([...active].filter((i) => flow.lastBodyFrame > i));
    flow = runFlow(grid, story, frames, ts, active);
  }
  return finish(grid, story, frames, ts, active, balance(grid, story, frames, ts, active, flow));
}

/**
 * A story that ends inside a frame of several columns is balanced (齐栏): the columns of that frame are
 * shortened to the fewest lines that still hold the text, so they end level (within a line) instead of
 * leaving one column short. The lines given up stay empty and count as underset.
 */
function balance(grid: PageGrid, story: Story, frames: readonly ThreadFrame[], ts: Typesetter, active: ReadonlySet<number>, flow: Flow): Flow {
  const last = flow.lastBodyFrame;
  if (last < 0 || flow.oversetLines > 0) return flow;
  const frame = frames[last]!;
  const perColumn = new Map<number, number>();
  for (const s of frame.slots) perColumn.set(s.column, (perColumn.get(s.column) ?? 0) + 1);
  if (perColumn.size < 2) return flow;
  let used = 0;
  for (const s of flow.consumed) if (s.frameId === frame.frameId) used++;
  const tallest = Math.max(...perColumn.values());
  for (let h = Math.ceil(used / perColumn.size); h < tallest; h++) {
    const trial = runFlow(grid, story, frames, ts, active, { frame: last, perColumn: h });
    if (trial.oversetLines === 0 && trial.lastBodyFrame === last) return trial;
  }
  return flow;
}

function runFlow(grid: PageGrid, story: Story, frames: readonly ThreadFrame[], ts: Typesetter, active: ReadonlySet<number>, limit?: { frame: number; perColumn: number }): Flow {
  const seq: { slot: Slot; frame: number }[] = [];
  frames.forEach((f, i) => {
    let slots = f.slots;
    if (active.has(i)) slots = slots.slice(0, -1);
    if (active.has(i - 1)) slots = slots.slice(1);
    if (limit && limit.frame === i) {
      const taken = new Map<number, number>();
      slots = slots.filter((s) => {
        const n = taken.get(s.column) ?? 0;
        taken.set(s.column, n + 1);
        return n < limit.perColumn;
      });
    }
    for (const s of slots) seq.push({ slot: s, frame: i });
  });
  const placed: PlacedLine[] = [];
  const consumed = new Set<Slot>();
  let pos = 0;
  let lastBodyFrame = -1;
  let oversetLines = 0;
  let oversetChars = 0;
  const lastWidth = seq.length > 0 ? seq[seq.length - 1]!.slot.width : grid.geometry.charsPerColumn * grid.em;

  const sameColumn = (a: Slot, b: Slot): boolean => a.frameId === b.frameId && a.column === b.column && a.pageIndex === b.pageIndex;
  /** Consecutive slots left in the column of seq[pos] (including it). */
  const leftInColumn = (at: number): number => {
    let n = 0;
    const first = seq[at]?.slot;
    if (!first) return 0;
    for (let i = at; i < seq.length && sameColumn(seq[i]!.slot, first); i++) n++;
    return n;
  };
  const place = (line: SetLine, n: number): void => {
    const first = seq[pos]!;
    const slot = first.slot;
    const baseline = n === 1
      ? lineBaseline(grid, slot.line)
      : centredBaseline(lineTop(grid, slot.line), n, grid.pitch, grid.em, line.size);
    placed.push({ slot, line, kind: 'body', baseline });
    for (let i = 0; i < n; i++) consumed.add(seq[pos + i]!.slot);
    lastBodyFrame = Math.max(lastBodyFrame, first.frame);
    pos += n;
  };
  const overset = (lines: readonly SetLine[]): void => {
    for (const l of lines) {
      oversetLines += 1;
      oversetChars += lineChars(l);
    }
  };

  for (const para of ts.paragraphs(story)) {
    const end = paragraphEnd(para);
    if (end <= para.offset) continue; // an empty paragraph sets nothing
    const n = Math.max(1, ts.styleLines(para.styleId));
    if (pos >= seq.length) {
      overset(ts.setParagraph(story, para, para.offset, lastWidth));
      continue;
    }
    // A heading needs its own lines plus the body lines kept with it in the same column.
    const keep = para.kind === 'subhead' ? ts.keepWithNext(para.styleId) : 0;
    if (keep > 0 && leftInColumn(pos) < n + keep) {
      const skip = leftInColumn(pos);
      if (pos + skip < seq.length) pos += skip;
    }
    let from = para.offset;
    while (from < end) {
      if (pos >= seq.length) {
        overset(ts.setParagraph(story, para, from, lastWidth));
        break;
      }
      const width = seq[pos]!.slot.width;
      const lines = ts.setParagraph(story, para, from, width);
      if (lines.length === 0) break;
      let recompose = false;
      for (const line of lines) {
        if (pos >= seq.length) {
          overset(ts.setParagraph(story, para, line.start, lastWidth));
          from = end;
          recompose = true;
          break;
        }
        if (Math.abs(seq[pos]!.slot.width - width) > 1e-6) {
          // The measure changes here (a picture cuts into the column): set the rest at the new measure.
          from = line.start;
          recompose = true;
          break;
        }
        if (n > 1 && leftInColumn(pos) < n) {
          const skip = leftInColumn(pos);
          pos += skip;
          from = line.start;
          recompose = true;
          break;
        }
        place(line, n);
        from = line.end;
      }
      if (!recompose) from = Math.max(from, end);
    }
  }
  return { placed, consumed, oversetChars, oversetLines, lastBodyFrame };
}

function finish(grid: PageGrid, story: Story, frames: readonly ThreadFrame[], ts: Typesetter, active: ReadonlySet<number>, flow: Flow): ThreadResult {
  const placed = [...flow.placed];
  const filled = new Set(flow.consumed);
  for (const i of active) {
    const out = frames[i]!.slots[frames[i]!.slots.length - 1];
    const into = frames[i + 1]!.slots[0];
    if (out) {
      const [line] = ts.setText(`（下转第${jumpPageName(frames[i + 1]!.pageNumber)}版）`, 'body', out.width, { align: 'end', charStyle: 'credit', noBreak: true });
      if (line) placed.push({ slot: out, line, kind: 'jump', baseline: lineBaseline(grid, out.line) });
      filled.add(out);
    }
    if (into) {
      const [line] = ts.setText(`（上接第${jumpPageName(frames[i]!.pageNumber)}版）`, 'body', into.width, { align: 'start', charStyle: 'credit', noBreak: true });
      if (line) placed.push({ slot: into, line, kind: 'jump', baseline: lineBaseline(grid, into.line) });
      filled.add(into);
    }
  }

  const glyphs = new Map<number, GlyphItem[]>();
  const missing = new Set<string>();
  const faces = new Map<number, Set<string>>();
  const jump = { storyId: story.id, field: 'jump' as const };
  for (const p of placed) {
    let used = faces.get(p.slot.pageIndex);
    if (!used) faces.set(p.slot.pageIndex, (used = new Set()));
    let list = glyphs.get(p.slot.pageIndex);
    if (!list) glyphs.set(p.slot.pageIndex, (list = []));
    placeLine(p.line, p.slot.x, p.baseline, p.kind === 'body' ? null : jump, list, { faces: used, missing });
  }

  const fits: FrameFit[] = frames.map((f) => {
    const u = f.slots.filter((s) => filled.has(s)).length;
    return { frameId: f.frameId, pageId: f.pageId, pageNumber: f.pageNumber, capacity: f.slots.length, used: u, full: f.slots.length > 0 && u === f.slots.length };
  });

  // Underset: every slot nobody filled, plus the empty cells at the end of the last body line.
  let undersetLines = 0;
  let undersetChars = 0;
  for (const f of frames) {
    for (const s of f.slots) {
      if (filled.has(s)) continue;
      undersetLines += 1;
      undersetChars += Math.round(s.width / grid.em);
    }
  }
  const linesUsed = fits.reduce((a, f) => a + f.used, 0);
  const lastBody = flow.placed[flow.placed.length - 1];
  if (lastBody && flow.oversetLines === 0) {
    const cells = Math.round(lastBody.slot.width / grid.em);
    undersetChars += Math.max(0, cells - Math.ceil(lastBody.line.width / grid.em - 1e-6));
  }
  return {
    glyphs, frames: fits, linesUsed, oversetChars: flow.oversetChars, oversetLines: flow.oversetLines,
    undersetLines, undersetChars, placed, missing: [...missing], faces,
  };
}
