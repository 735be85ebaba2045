import type { Align } from '../model/style';
import { EPS, lastInk, trimsStart } from './measure';
import { GapKind, ShrinkClass, UnitKind, type Prepared } from './types';

// Final horizontal positions of one line (TYPESETTING.md §4.1). Over-full lines (push-in) give back blanks
// in CLREQ's reduction order; short lines that are justified grow word spaces (to ½ em), then Han–Latin gaps
// (to ⅓ em), then every other gap equally. Nothing grows inside `——`, `……`, words and numbers, beside
// connectors and solidi, or where a blank was trimmed at the line edge.

/** Scratch arrays reused across lines (allocation per line showed up as GC time in the bench). */
const scratch = { size: 0, bl: new Float64Array(0), br: new Float64Array(0), core: new Float64Array(0), gap: new Float64Array(0), coreX: new Float64Array(0), letter: new Float64Array(0), cap: new Float64Array(0), take: new Float64Array(0) };

function arrays(count: number): typeof scratch {
  if (scratch.size < count) {
    const n = Math.max(count, scratch.size * 2, 64);
    scratch.size = n;
    scratch.bl = new Float64Array(n);
    scratch.br = new Float64Array(n);
    scratch.core = new Float64Array(n);
    scratch.gap = new Float64Array(n);
    scratch.coreX = new Float64Array(n);
    scratch.letter = new Float64Array(n);
    // capacities and amounts of a squeeze or stretch: two slots per unit plus one per gap
    scratch.cap = new Float64Array(3 * n);
    scratch.take = new Float64Array(3 * n);
  }
  return scratch;
}

/** Valid until the next layoutLine call: emit the line before laying out another. */
export interface LineGeometry {
  /** First and last drawn unit. */
  readonly s: number;
  readonly k: number;
  /** Per unit from s..k: x of the unit's core start (after its left blank), relative to the line start. */
  readonly coreX: Float64Array;
  /** Per unit: extra space between its own glyphs (only for a line that is one unbreakable unit). */
  readonly letter: Float64Array;
  /** Right edge of unit k. */
  readonly end: number;
}

/** Zeroed scratch slots [0, len): capacities and what water-filling puts in them. */
function slots(len: number): { cap: Float64Array; take: Float64Array } {
  scratch.cap.fill(0, 0, len);
  scratch.take.fill(0, 0, len);
  return scratch;
}

/** Shares `amount` among slots [0, len) with capacities `cap` as evenly as the caps allow; returns what was placed. */
function waterFill(cap: Float64Array, out: Float64Array, len: number, amount: number): number {
  let left = amount;
  let open = 0;
  for (let j = 0; j < len; j++) if (cap[j]! > EPS) open++;
  while (left > EPS && open > 0) {
    const share = left / open;
    open = 0;
    for (let j = 0; j < len; j++) {
      const room = cap[j]! - out[j]!;
      if (room <= EPS) continue;
      const add = Math.min(share, room);
      out[j] = out[j]! + add;
      left -= add;
      if (room - add > EPS) open++;
    }
  }
  return amount - left;
}

/** Push-in squeezes word spaces (0), brackets, pauses, Han–Latin gaps (3), then stops. */
const SQUEEZE_ORDER: readonly (0 | ShrinkClass | 3)[] = [0, ShrinkClass.Bracket, ShrinkClass.Pause, 3, ShrinkClass.Stop];
const STRETCH_ORDER: readonly GapKind[] = [GapKind.HanLatin, GapKind.Normal, GapKind.Rigid];

function stretchable(p: Prepared, i: number, kind: GapKind): boolean {
  if (p.gapKind[i] !== kind) return false;
  return kind !== GapKind.Rigid || (p.units[i]!.kind !== UnitKind.Space && p.units[i + 1]!.kind !== UnitKind.Space);
}

export function layoutLine(p: Prepared, s: number, e: number, avail: number, indent: number, spread: boolean, align: Align, lineStartOpenTrim: boolean): LineGeometry {
  const k = lastInk(p.units, s, e);
  const count = Math.max(0, k - s + 1);
  const sc = arrays(count);
  const { bl, br, core, coreX, letter } = sc;
  const gap = sc.gap.subarray(0, Math.max(0, count - 1));
  letter.fill(0, 0, count);
  for (let j = 0; j < count; j++) {
    const u = p.units[s + j]!;
    bl[j] = u.bl;
    br[j] = u.br;
    core[j] = u.core;
    if (j < count - 1) gap[j] = p.gap[s + j]!;
  }
  if (count > 0) {
    br[count - 1] = 0; // line-end mark: ink flush with the measure
    if (trimsStart(p.units[s]!, lineStartOpenTrim)) bl[0] = 0;
    // Spaces inside the line keep their width; trailing ones were dropped by lastInk.
  }
  let natural = 0;
  for (let j = 0; j < count; j++) natural += bl[j]! + core[j]! + br[j]!;
  for (let j = 0; j < count - 1; j++) natural += gap[j]!;

  let diff = avail - natural;
  if (diff < -EPS) {
    // Push-in: squeeze by class, equally within a class.
    const need = -diff;
    let got = 0;
    for (const cls of SQUEEZE_ORDER) {
      if (got >= need - EPS) break;
      const len = count * 2 + gap.length;
      const { cap, take } = slots(len);
      for (let j = 0; j < count; j++) {
        const u = p.units[s + j]!;
        if (cls === 0 && u.kind === UnitKind.Space) cap[2 * j] = Math.max(0, core[j]! - 0.25 * u.cell);
        if (cls !== 0 && cls !== 3) {
          if (u.shrinkL === cls) cap[2 * j] = bl[j]!;
          if (u.shrinkR === cls) cap[2 * j + 1] = br[j]!;
        }
      }
      if (cls === 3) for (let j = 0; j < gap.length; j++) if (p.gapKind[s + j] === GapKind.HanLatin) cap[2 * count + j] = gap[j]! - p.gapMin[s + j]!;
      got += waterFill(cap, take, len, need - got);
      for (let j = 0; j < count; j++) {
        if (p.units[s + j]!.kind === UnitKind.Space) core[j] = core[j]! - take[2 * j]!;
        else bl[j] = bl[j]! - take[2 * j]!;
        br[j] = br[j]! - take[2 * j + 1]!;
      }
      for (let j = 0; j < gap.length; j++) gap[j] = gap[j]! - take[2 * count + j]!;
    }
    diff += got;
    // Still over (an unbreakable group wider than the measure): tighten letters and gaps a little, at most
    // 0.15 em each — spacing inside words may shrink, never grow.
    if (diff < -EPS) {
      let slots = 0;
      for (let j = 0; j < count; j++) if (p.units[s + j]!.kind === UnitKind.Word) slots += p.units[s + j]!.glyphs.length - 1;
      for (let j = 0; j < gap.length; j++) if (p.gapKind[s + j] === GapKind.Normal) slots++;
      if (slots > 0) {
        const per = Math.min(-diff / slots, 0.15 * p.units[s]!.cell);
        for (let j = 0; j < count; j++) {
          const u = p.units[s + j]!;
          if (u.kind === UnitKind.Word && u.glyphs.length > 1) {
            letter[j] = -per;
            core[j] = core[j]! - per * (u.glyphs.length - 1);
          }
        }
        for (let j = 0; j < gap.length; j++) if (p.gapKind[s + j] === GapKind.Normal) gap[j] = gap[j]! - per;
        diff += per * slots;
      }
    }
  } else if (diff > EPS && spread && count > 0) {
    // 1. word spaces up to ½ em
    let spaces = 0;
    for (let j = 0; j < count; j++) if (p.units[s + j]!.kind === UnitKind.Space) spaces++;
    if (spaces > 0) {
      const { cap: spaceCap, take: spaceAdd } = slots(count);
      for (let j = 0; j < count; j++) {
        const u = p.units[s + j]!;
        if (u.kind === UnitKind.Space) spaceCap[j] = Math.max(0, 0.5 * u.cell - core[j]!);
      }
      diff -= waterFill(spaceCap, spaceAdd, count, diff);
      for (let j = 0; j < count; j++) core[j] = core[j]! + spaceAdd[j]!;
    }
    // 2. Han–Latin gaps up to ⅓ em; 3. ordinary gaps, equally; last resort: rigid gaps
    for (const kind of STRETCH_ORDER) {
      if (diff <= EPS) break;
      let members = 0;
      for (let j = 0; j < gap.length; j++) if (stretchable(p, s + j, kind)) members++;
      if (members === 0) continue;
      if (kind !== GapKind.HanLatin) {
        const share = diff / members; // uncapped: equal shares
        for (let j = 0; j < gap.length; j++) if (stretchable(p, s + j, kind)) gap[j] = gap[j]! + share;
        diff = 0;
        break;
      }
      const { cap, take: add } = slots(gap.length);
      for (let j = 0; j < gap.length; j++) {
        if (!stretchable(p, s + j, kind)) continue;
        cap[j] = Math.max(0, Math.min(p.units[s + j]!.cell, p.units[s + j + 1]!.cell) / 3 - gap[j]!);
      }
      diff -= waterFill(cap, add, gap.length, diff);
      for (let j = 0; j < gap.length; j++) gap[j] = gap[j]! + add[j]!;
    }
  }
  // A line that is a single word or number with slack left (a very short measure): letter-space it rather
  // than leave the column edge ragged — the one place spacing grows inside a word (CLREQ allows the like).
  if (spread && diff > EPS) {
    let inner = 0;
    for (let j = 0; j < count; j++) inner += Math.max(0, p.units[s + j]!.glyphs.length - 1);
    if (inner > 0) {
      for (let j = 0; j < count; j++) {
        const m = p.units[s + j]!.glyphs.length;
        if (m > 1) {
          letter[j] = diff / inner;
          core[j] = core[j]! + (diff / inner) * (m - 1);
        }
      }
      diff = 0;
    }
  }

  let x = indent;
  if (!spread && diff > EPS) {
    if (align === 'center') x += diff / 2;
    else if (align === 'end') x += diff;
  }
  for (let j = 0; j < count; j++) {
    x += bl[j]!;
    coreX[j] = x;
    x += core[j]! + br[j]!;
    if (j < count - 1) x += gap[j]!;
  }
  return { s, k, coreX, letter, end: x };
}
