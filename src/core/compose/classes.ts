import type { KinsokuLevel } from '../model/house';

// Character classes for zh-Hans horizontal setting (TYPESETTING.md §1.2, §1.4, §2.1). Quotes are read as
// opening/closing by code point, never by neighbours (UAX #14's ambiguous QU is wrong for Chinese).

const set = (s: string): ReadonlySet<number> => new Set([...s].map((c) => c.codePointAt(0)!));

/** 点号 that take their ink in the left half of the cell and a compressible blank on the right. */
export const PAUSE = set('、，：；,;:');
export const STOP = set('。．？！.?!');
export const CLOSE = set('”’）》〉】〗〕］｝」』)]}');
export const OPEN = set('“‘（《〈【〖〔［｛「『([{');
/** 间隔号: set at ½ em, centred, never line-initial. */
export const MIDDOT = set('·・‧');
/** 连接号 (½ em or 1 em, centred, fixed width): no stretch beside them. */
export const CONNECTOR = set('～–-~');
/** 分隔号: ½ em fixed; GB level forbids breaking on either side. */
export const SOLIDUS = set('/／');
export const POSTFIX = set('%％‰℃°′″');
export const PREFIX = set('￥¥$£€№');
export const EM_DASH = 0x2014;
export const TWO_EM_DASH = 0x2e3a;
export const ELLIPSIS = 0x2026;
export const MIDLINE_ELLIPSIS = 0x22ef;
export const CREDIT_BULLET = 0x25a0; // ■ keeps with the next character
export const IDEO_SPACE = 0x3000;

const BASIC_NO_START = set('。．，、：；！？‼⁇⁈⁉”’）》〉】〗〕］｝」』·・‧～–-／/%％‰℃°′″,.:;!?)]}');
const BASIC_NO_END = set('“‘（《〈【〖〔［｛「『([{￥¥$£€№■');

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007 || cp === 0x3013 || // 〇 〓
    (cp >= 0x3040 && cp <= 0x30ff && cp !== 0x30fb) // kana (・ is a middot)
  );
}

export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

export function isLatin(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x400 && cp <= 0x4ff);
}

// Class bits per BMP code point, so the composer's per-character tests are one typed-array read instead of
// several Set lookups. Every set above holds BMP code points only; astral ones have no bits.
const F_PUNCT = 1;
const F_NO_START = 2;
const F_NO_END = 4;
const F_SOLIDUS = 8;
const F_RIGID = 16; // connector or solidus: no stretch beside it

const FLAGS: Uint8Array = (() => {
  const f = new Uint8Array(0x10000);
  const mark = (cps: Iterable<number>, bit: number): void => {
    for (const cp of cps) f[cp]! |= bit;
  };
  for (const s of [PAUSE, STOP, CLOSE, OPEN, MIDDOT, SOLIDUS]) mark(s, F_PUNCT);
  mark([EM_DASH, TWO_EM_DASH, ELLIPSIS, MIDLINE_ELLIPSIS, 0xff5e], F_PUNCT);
  mark(BASIC_NO_START, F_NO_START);
  mark(BASIC_NO_END, F_NO_END);
  mark(SOLIDUS, F_SOLIDUS | F_RIGID);
  mark(CONNECTOR, F_RIGID);
  return f;
})();

const flags = (cp: number): number => (cp < 0x10000 ? FLAGS[cp]! : 0);

export function isPunct(cp: number): boolean {
  return (flags(cp) & F_PUNCT) !== 0;
}

/** A connector (～–-~) or solidus (/／): gaps beside it never stretch. */
export function isRigidCp(cp: number): boolean {
  return (flags(cp) & F_RIGID) !== 0;
}

export interface KinsokuRules {
  readonly noStart: (cp: number) => boolean;
  readonly noEnd: (cp: number) => boolean;
  /** `——` / `……` may not begin a line (strict level). */
  readonly longMarksNoStart: boolean;
}

export function kinsokuRules(level: KinsokuLevel): KinsokuRules {
  if (level === 'none') return { noStart: () => false, noEnd: () => false, longMarksNoStart: false };
  const gb = level === 'gb' || level === 'strict';
  const endBits = gb ? F_NO_END | F_SOLIDUS : F_NO_END;
  return {
    noStart: (cp) => (flags(cp) & F_NO_START) !== 0,
    noEnd: (cp) => (flags(cp) & endBits) !== 0,
    longMarksNoStart: level === 'strict',
  };
}
