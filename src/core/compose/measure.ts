import { OPEN } from './classes';
import { GapKind, ShrinkClass, UnitKind, type Prepared, type Unit } from './types';

// Width arithmetic for a candidate line [s, e) of units: natural width with the line-end mark trimmed to its
// ink (GB 5.1.10), trailing word spaces dropped, and how much a push-in could squeeze out of it.

const EPS = 1e-6;
export { EPS };

/** Index of the last unit that draws something (not a trailing space or hard break), or s - 1. */
export function lastInk(units: readonly Unit[], s: number, e: number): number {
  let k = e - 1;
  while (k >= s && (units[k]!.kind === UnitKind.Space || units[k]!.kind === UnitKind.Break)) k--;
  return k;
}

export function trimsStart(u: Unit, lineStartOpenTrim: boolean): boolean {
  return lineStartOpenTrim && u.kind === UnitKind.Punct && OPEN.has(u.firstCp) && u.bl > 0;
}

export function naturalWidth(p: Prepared, s: number, e: number, trimStart: boolean): number {
  const k = lastInk(p.units, s, e);
  if (k < s) return 0;
  let w = 0;
  for (let i = s; i <= k; i++) {
    const u = p.units[i]!;
    w += u.bl + u.core + u.br;
    if (i < k) w += p.gap[i]!;
  }
  w -= p.units[k]!.br;
  if (trimStart && trimsStart(p.units[s]!, true)) w -= p.units[s]!.bl;
  return w;
}

/** Shrinkable amount in push-in order (CLREQ reduction): spaces → ¼ em, brackets, 、，；：, Han–Latin, 。？！. */
export function shrinkable(p: Prepared, s: number, e: number, trimStart: boolean): number {
  const k = lastInk(p.units, s, e);
  let total = 0;
  for (let i = s; i <= k; i++) {
    const u = p.units[i]!;
    if (u.kind === UnitKind.Space) total += Math.max(0, u.core - 0.25 * u.cell);
    if (u.shrinkL !== ShrinkClass.None && !(i === s && trimStart && trimsStart(u, true))) total += u.bl;
    if (u.shrinkR !== ShrinkClass.None && i !== k) total += u.br;
    if (i < k && p.gapKind[i] === GapKind.HanLatin) total += p.gap[i]! - p.gapMin[i]!;
  }
  return total;
}

/** Characters (not marks) on a line, for the 孤字 rule. */
export function charCount(units: readonly Unit[], s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const k = units[i]!.kind;
    if (k === UnitKind.Han || k === UnitKind.Word || (k === UnitKind.Fixed && units[i]!.glyphs.length > 0)) n++;
  }
  return n;
}
