import type { Cmyk } from '../display/types';

/**
 * Screen approximation of a process colour. The screen never decides what prints (the PDF carries the CMYK
 * values); this only has to look right: pure K is black, a 10 % K tint a light grey.
 */
export function cmykToHex(c: Cmyk): string {
  const ch = (v: number): string => {
    const n = Math.round(255 * (1 - Math.min(1, Math.max(0, v))) * (1 - Math.min(1, Math.max(0, c.k))));
    return n.toString(16).padStart(2, '0');
  };
  return `#${ch(c.c)}${ch(c.m)}${ch(c.y)}`;
}
