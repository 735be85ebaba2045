import { ELLIPSIS, EM_DASH, isDigit, isHan, isLatin, isPunct, MIDLINE_ELLIPSIS, POSTFIX, PREFIX, TWO_EM_DASH } from './classes';
import { UnitKind, type RunStyle } from './types';

// Splits a paragraph's characters into unbreakable clusters (TYPESETTING.md §1.3): `——`, `……`, numbers with
// their decimal point, thousands comma and unit signs (`16.2`, `1,370`, `50%`, `￥800`, `36℃`), Latin words and
// alnum tokens (`GDP`, `km`, `5G`, `2+3+N`). Everything else is one cluster per character.

export interface SourceChar {
  readonly cp: number;
  readonly text: string;
  readonly offset: number;
  readonly style: RunStyle;
}

/**
 * Clusters packed three numbers each: kind (UnitKind), from (index into the char array), to (exclusive).
 * One shared typed array instead of an object per character (the composer's GC showed up in benches): the
 * result is valid until the next call.
 */
export type Clusters = Int32Array;

let scratch = new Int32Array(3 * 1024);

const isAlnum = (cp: number): boolean => isDigit(cp) || isLatin(cp);
/** Joiners kept inside a token when an alnum follows: 16.2  1,370  2+3+N  km/h  COVID-19  12:30  don't */
const JOINERS = new Set([0x2e, 0x2c, 0x2b, 0x2f, 0x2d, 0x3a, 0x27, 0x2019, 0xb7]);

export function segment(chars: readonly SourceChar[]): Clusters {
  const n = chars.length;
  if (scratch.length < 3 * n) scratch = new Int32Array(Math.max(3 * n, scratch.length * 2));
  const out = scratch;
  let m = 0;
  const push = (kind: UnitKind, from: number, to: number): void => {
    out[m++] = kind;
    out[m++] = from;
    out[m++] = to;
  };
  let i = 0;
  const cpAt = (k: number): number => (k < n ? chars[k]!.cp : -1);
  while (i < n) {
    const cp = cpAt(i);
    // Han first: most characters are, and no Han code point meets any test below before isHan.
    if (isHan(cp)) {
      push(UnitKind.Han, i, i + 1);
      i++;
    } else if (cp === 0x0a) {
      push(UnitKind.Break, i, i + 1);
      i++;
    } else if (cp === EM_DASH && cpAt(i + 1) === EM_DASH) {
      push(UnitKind.Dash, i, i + 2);
      i += 2;
    } else if (cp === TWO_EM_DASH) {
      push(UnitKind.Dash, i, i + 1);
      i++;
    } else if ((cp === ELLIPSIS || cp === MIDLINE_ELLIPSIS) && cpAt(i + 1) === cp) {
      push(UnitKind.Ellipsis, i, i + 2);
      i += 2;
    } else if (isAlnum(cp) || (PREFIX.has(cp) && isDigit(cpAt(i + 1)))) {
      let j = i + 1;
      while (j < n) {
        const c = cpAt(j);
        if (isAlnum(c)) j++;
        else if (JOINERS.has(c) && isAlnum(cpAt(j + 1)) && !(c === 0xb7 && !isLatin(cpAt(j - 1)))) j += 2;
        else break;
      }
      while (j < n && POSTFIX.has(cpAt(j))) j++;
      push(UnitKind.Word, i, j);
      i = j;
    } else if (cp === 0x20 || cp === 0xa0 || cp === 0x09) {
      push(UnitKind.Space, i, i + 1);
      i++;
    } else if (isPunct(cp)) {
      // ？？ !? …: a run of sentence marks is set as one group (GB 5.1.2), see punct-width.ts
      push(UnitKind.Punct, i, i + 1);
      i++;
    } else {
      push(UnitKind.Fixed, i, i + 1);
      i++;
    }
  }
  return out.subarray(0, m);
}
