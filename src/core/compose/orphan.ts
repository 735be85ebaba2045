import { breakLine, breakLines, type BreakOptions, type LineSpan } from './line-breaker';
import { charCount, EPS, naturalWidth, shrinkable } from './measure';
import type { Prepared } from './types';

// 孤字不成行 (TYPESETTING.md §4.2): a paragraph's last line must hold at least `min` characters. Fix first by
// compression earlier in the paragraph (push the last lines in harder so the lone character rejoins the line
// above), else by pulling a character down from the line before (which justification then spreads evenly).

export interface OrphanResult {
  readonly lines: LineSpan[];
  readonly fallback: boolean;
}

function isOrphan(p: Prepared, lines: readonly LineSpan[], min: number): boolean {
  if (lines.length < 2) return false;
  const last = lines[lines.length - 1]!;
  // marks alone on the last line (`“”` of a quote that wrapped) count as a lone character too
  return last.e > last.s && charCount(p.units, last.s, last.e) < min;
}

export function fixOrphan(p: Prepared, lines: LineSpan[], measure: number, firstIndent: number, min: number, opt: BreakOptions): OrphanResult {
  if (!isOrphan(p, lines, min)) return { lines, fallback: false };
  const count = lines.length;
  // (a) Compression: re-break the last k + 1 lines pushing in as far as blanks allow.
  for (let k = 1; k <= Math.min(count - 1, 4); k++) {
    const from = lines[count - 1 - k]!;
    if (lines.slice(count - 1 - k, count - 1).some((l) => l.last)) break; // a hard break stops the reflow
    const again = breakLines(p, from.s, measure, from.s === 0 ? firstIndent : 0, { ...opt, aggressive: true });
    if (again.length <= k) {
      const candidate = [...lines.slice(0, count - 1 - k), ...again];
      if (!isOrphan(p, candidate, min)) return { lines: candidate, fallback: false };
    }
  }
  // (b) Pull down: end the line before earlier, at a legal break, so the last line gains characters.
  const prev = lines[count - 2]!;
  const last = lines[count - 1]!;
  if (!prev.last) {
    for (let b = prev.e - 1; b > prev.s && prev.e - b <= 8; b--) {
      if (!p.canBreak[b - 1]) continue;
      const w = naturalWidth(p, b, last.e, opt.lineStartOpenTrim);
      if (w - shrinkable(p, b, last.e, opt.lineStartOpenTrim) > last.avail + EPS) break;
      const candidate: LineSpan[] = [...lines.slice(0, count - 2), { ...prev, e: b }, { ...last, s: b }];
      if (!isOrphan(p, candidate, min)) return { lines: candidate, fallback: false };
    }
  }
  // (c) Pull down through several lines: set the last k lines a little short (they are spread) so that more
  // text reaches the last line.
  for (let k = 2; k <= Math.min(count - 1, 4); k++) {
    const first = count - 1 - k;
    if (lines.slice(first, count - 1).some((l) => l.last)) break;
    for (let d = 1; d <= 2; d++) {
      const out: LineSpan[] = [];
      let s = lines[first]!.s;
      for (let j = 0; j < k && s < last.e; j++) {
        const base = lines[first + j]!;
        const e = breakLine(p, s, base.avail - d * p.units[s]!.cell, opt);
        out.push({ ...base, s, e, last: false });
        s = e;
      }
      if (s >= last.e) continue;
      const w = naturalWidth(p, s, last.e, opt.lineStartOpenTrim);
      if (w - shrinkable(p, s, last.e, opt.lineStartOpenTrim) > last.avail + EPS) continue;
      const candidate: LineSpan[] = [...lines.slice(0, first), ...out, { ...last, s }];
      if (!isOrphan(p, candidate, min)) return { lines: candidate, fallback: false };
    }
  }
  return { lines, fallback: true };
}
