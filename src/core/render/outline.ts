// Glyph outlines placed on the page: a glyph's path (fontkit's SVG path data in font units, y up, absolute M/L/Q/C/Z
// commands) scaled, flipped and moved to where the display list sets it. The page view draws a run of glyphs as one
// `<path>` of such outlines instead of one `<use>` per glyph: thousands fewer elements for the browser to style,
// instantiate and layer.

/** A parsed outline: its command letters and their coordinates, in order. */
export interface Outline {
  readonly cmds: string;
  readonly args: Float64Array;
}

const ARG_COUNT: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };

/** Parses absolute M/L/Q/C/Z path data (what fontkit's `path.toSVG()` writes). Throws on anything else. */
export function parseOutline(d: string): Outline {
  let cmds = '';
  const args: number[] = [];
  const re = /([A-Za-z])([^A-Za-z]*)/g;
  for (let m = re.exec(d); m; m = re.exec(d)) {
    const c = m[1]!;
    const n = ARG_COUNT[c];
    if (n === undefined) throw new Error(`glyph outline: unsupported path command "${c}"`);
    const nums = m[2]!.trim() === '' ? [] : m[2]!.trim().split(/[\s,]+/).map(Number);
    if (nums.length !== n || nums.some((v) => !Number.isFinite(v))) throw new Error(`glyph outline: "${c}" needs ${n} numbers, got "${m[2]}"`);
    cmds += c;
    args.push(...nums);
  }
  return { cmds, args: Float64Array.from(args) };
}

/** Path data from placeOutline is in 1/100 pt, whole numbers (far cheaper to write and parse than decimals): draw it scaled by this. */
export const PLACED_UNITS_PER_PT = 100;

/** The outline as path data in 1/100 pt page coordinates: x' = 100·(sx·x + x0), y' = 100·(sy·y + y0), rounded. */
export function placeOutline(o: Outline, sx: number, sy: number, x0: number, y0: number): string {
  const ax = sx * PLACED_UNITS_PER_PT;
  const ay = sy * PLACED_UNITS_PER_PT;
  const bx = x0 * PLACED_UNITS_PER_PT;
  const by = y0 * PLACED_UNITS_PER_PT;
  let out = '';
  let k = 0;
  for (let i = 0; i < o.cmds.length; i++) {
    const c = o.cmds[i]!;
    out += c;
    const n = ARG_COUNT[c]!;
    for (let j = 0; j < n; j += 2) {
      out += (j > 0 ? ' ' : '') + Math.round(ax * o.args[k]! + bx) + ' ' + Math.round(ay * o.args[k + 1]! + by);
      k += 2;
    }
  }
  return out;
}
