// Newspaper ink limiting for photos separated without the plant's profile. libvips' built-in CMYK
// profile is a coated-paper separation (up to ~300 % total ink); newsprint takes 220–240 %. Two steps,
// as a prepress desk would do by hand: grey component replacement (the common part of C, M and Y is
// printed with K instead, which also keeps neutrals neutral on press), then whatever still exceeds the
// limit has its C, M and Y scaled down together (K, which carries the detail, is kept).

export interface InkLimitOptions {
  /** Highest total ink, percent (C+M+Y+K). */
  readonly limitPct: number;
  /** Share of the grey component moved to K, 0..1. */
  readonly gcr: number;
}

/** A medium GCR, at the common newsprint limit. */
export const NEWSPRINT_INK: InkLimitOptions = { limitPct: 220, gcr: 0.6 };

/** Rewrites interleaved 8-bit CMYK pixels (0 = no ink, 255 = 100 %) in place; returns the highest total ink after, percent. */
export function limitInk(cmyk: Uint8Array, options: InkLimitOptions = NEWSPRINT_INK): number {
  if (cmyk.length % 4 !== 0) throw new Error(`CMYK 像素数据长度 ${cmyk.length} 不是 4 的倍数`);
  const limit = Math.floor((options.limitPct / 100) * 255);
  let max = 0;
  for (let i = 0; i < cmyk.length; i += 4) {
    let c = cmyk[i]!;
    let m = cmyk[i + 1]!;
    let y = cmyk[i + 2]!;
    let k = cmyk[i + 3]!;
    const grey = Math.min(c, m, y);
    // K replaces the grey component only as far as it has room to grow.
    const moved = Math.min(Math.round(grey * options.gcr), 255 - k);
    c -= moved;
    m -= moved;
    y -= moved;
    k += moved;
    const cmy = c + m + y;
    if (cmy + k > limit && cmy > 0) {
      const scale = Math.max(0, limit - k) / cmy;
      c = Math.floor(c * scale);
      m = Math.floor(m * scale);
      y = Math.floor(y * scale);
    }
    cmyk[i] = c;
    cmyk[i + 1] = m;
    cmyk[i + 2] = y;
    cmyk[i + 3] = k;
    max = Math.max(max, c + m + y + k);
  }
  return Math.round((max / 255) * 100);
}
