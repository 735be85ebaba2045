import { EPS, trimsStart } from './measure';
import { GapKind, ShrinkClass, UnitKind, type Prepared } from './types';

// Line breaking for a fixed measure (TYPESETTING.md §1.5): greedy fill; when the first unit that does not fit
// may not start a line (or the one before it may not end one), first try to PUSH IN — keep the offending mark
// on the line by squeezing punctuation blanks — and only then PUSH OUT: carry the unbreakable group down to
// the previous legal break and let justification spread the line.

export interface LineSpan {
  readonly s: number;
  readonly e: number; // exclusive
  /** Width available to the text (measure minus the first-line indent). */
  readonly avail: number;
  readonly indent: number;
  /** The line ends at a hard break or the paragraph's end: set at natural width. */
  readonly last: boolean;
}

export interface BreakOptions {
  readonly lineStartOpenTrim: boolean;
  /** Push in as far as compression allows on every line (孤字 repair). */
  readonly aggressive?: boolean;
}

/**
 * End (exclusive) of the line starting at unit s. Widths accumulate unit by unit (the same arithmetic as
 * measure.ts naturalWidth/shrinkable, done incrementally: this is the composer's innermost loop).
 */
export function breakLine(p: Prepared, s: number, avail: number, opt: BreakOptions): number {
  const { units, gap, gapMin, gapKind, canBreak } = p;
  const n = units.length;
  const head = units[s];
  const trim = head && trimsStart(head, opt.lineStartOpenTrim) ? head.bl : 0;
  let acc = 0; // drawn width of units s..i including the gaps between them
  let shr = 0; // squeezable amount among them
  let lastW = 0; // width up to the last drawn unit, its end mark trimmed
  let lastShr = 0;
  let best = -1; // largest legal end that fits naturally
  let overflow = -1;
  let pushed = -1;
  for (let i = s; i < n; i++) {
    const u = units[i]!;
    if (u.kind === UnitKind.Break) {
      if (overflow < 0) return i + 1;
      break;
    }
    if (i > s) {
      acc += gap[i - 1]!;
      if (gapKind[i - 1] === GapKind.HanLatin) shr += gap[i - 1]! - gapMin[i - 1]!;
    }
    acc += u.bl + u.core + u.br;
    if (u.kind === UnitKind.Space) {
      shr += Math.max(0, u.core - 0.25 * u.cell);
    } else {
      if (u.shrinkL !== ShrinkClass.None && !(i === s && trim > 0)) shr += u.bl;
      const r = u.shrinkR !== ShrinkClass.None ? u.br : 0;
      shr += r;
      lastW = acc - u.br - trim;
      lastShr = shr - r;
    }
    if (overflow < 0) {
      if (lastW <= avail + EPS || u.kind === UnitKind.Space) {
        if (canBreak[i]) best = i + 1;
        continue;
      }
      overflow = i;
      if (best === i && !opt.aggressive) return best; // a legal break right before the overflow: no violation
    }
    // Push in: the next legal end after the overflow, if squeezing makes it fit.
    if (!canBreak[i]) continue;
    if (lastW - lastShr <= avail + EPS) {
      pushed = i + 1;
      if (!opt.aggressive) break;
    } else {
      break;
    }
  }
  if (overflow < 0) return n;
  if (pushed > 0) return pushed;
  if (best > s) return best; // push out
  // A group wider than the whole measure (a tiny measure, or a URL). A short group stays whole and the line
  // runs over; a long one breaks where it overflows (CLREQ allows that for long Latin words).
  for (let j = overflow; j < n && j < overflow + 8; j++) {
    if (units[j]!.kind === UnitKind.Break) break;
    if (canBreak[j]) return j + 1;
  }
  return Math.max(overflow, s + 1);
}

export function breakLines(p: Prepared, from: number, measure: number, firstIndent: number, opt: BreakOptions): LineSpan[] {
  const lines: LineSpan[] = [];
  const n = p.units.length;
  let s = from;
  while (s < n) {
    const indent = s === 0 ? firstIndent : 0;
    const avail = measure - indent;
    const e = breakLine(p, s, avail, opt);
    const ended = e >= n || p.units[e - 1]!.kind === UnitKind.Break;
    lines.push({ s, e, avail, indent, last: ended });
    s = e;
  }
  if (lines.length === 0) lines.push({ s: 0, e: 0, avail: measure - firstIndent, indent: firstIndent, last: true });
  return lines;
}
