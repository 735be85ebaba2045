import type { PunctStyle } from '../model/house';
import { CLOSE, MIDDOT, OPEN, PAUSE, SOLIDUS, STOP } from './classes';
import { ShrinkClass, UnitKind, type Unit } from './types';

// GB punctuation widths (TYPESETTING.md §2.1–§2.3). Every full-width mark is ½ em of ink plus ½ em of blank on
// its open side; the blank is what compression and line-end trimming remove. Widths here are in em of the
// unit's cell; prepare.ts multiplies by the cell.

export interface PunctBox {
  readonly core: number;
  readonly bl: number;
  readonly br: number;
  /** Glyph origin relative to the core's start, em. */
  readonly dx: number;
  readonly shrinkL: ShrinkClass;
  readonly shrinkR: ShrinkClass;
  /** Horizontal stretch of the glyph (1 unless the mark is forced to a width). */
  readonly stretch: number;
}

const FULL = 0.9; // a font advance at least this wide is a full-width (CJK) form of the mark

function rigid(core: number, dx = 0, stretch = 1): PunctBox {
  return { core, bl: 0, br: 0, dx, shrinkL: ShrinkClass.None, shrinkR: ShrinkClass.None, stretch };
}

export function punctBox(cp: number, advance: number, style: PunctStyle): PunctBox {
  if (MIDDOT.has(cp) || SOLIDUS.has(cp)) return rigid(0.5, (0.5 - advance) / 2); // ½ em, centred
  if (cp === 0x2014) return rigid(1, 0, 1 / advance); // 一字线 (a lone —) fills its cell
  if (cp === 0x2026 || cp === 0x22ef || cp === 0xff5e) return rigid(1, (1 - advance) / 2);
  const open = OPEN.has(cp);
  const close = CLOSE.has(cp);
  const pause = PAUSE.has(cp);
  const stop = STOP.has(cp);
  if (!(open || close || pause || stop) || advance < FULL) return rigid(advance);
  // Full-width form: keep its blank unless the style sets the mark half width.
  const half = style === 'banjiao' || (style === 'kaiming' && !stop);
  const blank = half ? 0 : advance - 0.5;
  const cls = open || close ? ShrinkClass.Bracket : pause ? ShrinkClass.Pause : ShrinkClass.Stop;
  if (open) return { core: 0.5, bl: blank, br: 0, dx: -(advance - 0.5), shrinkL: half ? ShrinkClass.None : cls, shrinkR: ShrinkClass.None, stretch: 1 };
  return { core: 0.5, bl: 0, br: blank, dx: 0, shrinkL: ShrinkClass.None, shrinkR: half ? ShrinkClass.None : cls, stretch: 1 };
}

const isQE = (cp: number): boolean => cp === 0xff1f || cp === 0xff01;

/**
 * Adjacent marks whose blanks face each other share one ½ em blank (2 em → 1.5 em), brackets staying tight
 * against the text they enclose. `？？` and `！？` are set in 1 em, three of them in 2 em (GB 5.1.2).
 */
export function compressPairs(units: Unit[], style: PunctStyle): void {
  for (let i = 0; i + 1 < units.length; i++) {
    const a = units[i]!;
    const b = units[i + 1]!;
    if (a.kind !== UnitKind.Punct || b.kind !== UnitKind.Punct) continue;
    if (isQE(a.firstCp) && isQE(b.firstCp) && a.cell === b.cell && a.br > 0) {
      const third = units[i + 2];
      a.br = 0;
      a.shrinkR = ShrinkClass.None;
      if (third && third.kind === UnitKind.Punct && isQE(third.firstCp) && third.br > 0) {
        b.br = 0;
        b.shrinkR = ShrinkClass.None;
        third.core += third.br; // the third mark keeps a full cell, fixed: 2 em for three
        third.br = 0;
        third.shrinkR = ShrinkClass.None;
        i += 2;
      } else {
        b.core += b.br;
        b.br = 0;
        b.core -= 0.5 * b.cell; // two marks in one cell
        b.shrinkR = ShrinkClass.None;
        i += 1;
      }
      continue;
    }
    if (style === 'banjiao') continue;
    if (a.br > 0 && (b.bl > 0 || b.br > 0)) {
      a.br = 0;
      a.shrinkR = ShrinkClass.None;
    } else if (a.bl > 0 && b.bl > 0) {
      b.bl = 0;
      b.shrinkL = ShrinkClass.None;
    }
  }
}
