// 图文互斥: images (and headline blocks, the running head) push body text out of their rectangle plus a
// standoff. Text then runs in what is left of each column on each grid line, never in a sliver narrower than
// the house minimum (TYPESETTING.md §6.5, checklist 32).

/** A region text may not enter: x in pt, grid lines [lineFrom, lineTo). Standoff already added. */
export interface Obstacle {
  readonly x1: number;
  readonly x2: number;
  readonly lineFrom: number;
  readonly lineTo: number;
  readonly frameId: string;
}

/** Where one line of text may run: left edge and measure, pt. The measure is whole characters. */
export interface Segment {
  readonly x: number;
  readonly width: number;
}

const EPS = 1e-6;

/**
 * The part of the column [left, left+width) that text may use on grid line k. Of the fragments an obstacle
 * leaves, the widest is used (reading order would jump across the picture otherwise); fragments narrower
 * than `minChars` are not used at all. Widths snap down to whole characters, kept against the side away from
 * the obstacle so the column edge stays straight.
 */
export function lineSegment(left: number, width: number, k: number, obstacles: readonly Obstacle[], em: number, minChars: number): Segment | null {
  let pieces: { a: number; b: number }[] = [{ a: left, b: left + width }];
  for (const o of obstacles) {
    if (k < o.lineFrom || k >= o.lineTo) continue;
    const next: { a: number; b: number }[] = [];
    for (const p of pieces) {
      if (o.x2 <= p.a + EPS || o.x1 >= p.b - EPS) {
        next.push(p);
        continue;
      }
      if (o.x1 > p.a + EPS) next.push({ a: p.a, b: o.x1 });
      if (o.x2 < p.b - EPS) next.push({ a: o.x2, b: p.b });
    }
    pieces = next;
    if (pieces.length === 0) return null;
  }
  if (pieces.length === 1 && pieces[0]!.a === left && pieces[0]!.b === left + width) return { x: left, width };
  let best: Segment | null = null;
  for (const p of pieces) {
    const chars = Math.floor((p.b - p.a) / em + EPS);
    if (chars < minChars) continue;
    const w = chars * em;
    // A fragment that touches the column's left edge keeps it; one cut on its left hugs its right edge.
    const x = p.a <= left + EPS ? p.a : p.b - w;
    if (!best || w > best.width + EPS) best = { x, width: w };
  }
  return best;
}
