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

/** A glyph's outline at one scale, in whole 1/100 pt from its origin: its first point, then the rest as relative commands. */
interface PlacedShape {
  readonly ax: number;
  readonly ay: number;
  readonly mx: number;
  readonly my: number;
  readonly rest: string;
}

// Per outline, its shapes at the scales it has been drawn at (a page sets most glyphs at a handful of sizes), so
// drawing a glyph again writes only its starting point: the page's first drawing writes far fewer numbers, and its
// path data (small relative numbers) is shorter for the browser to parse.
const shapes = new WeakMap<Outline, PlacedShape[]>();

function shapeOf(o: Outline, ax: number, ay: number): PlacedShape | null {
  let list = shapes.get(o);
  if (list) {
    for (const s of list) if (s.ax === ax && s.ay === ay) return s;
  } else {
    list = [];
    shapes.set(o, list);
  }
  if (o.cmds[0] !== 'M') return null;
  let fx = 0;
  let fy = 0;
  let mx = 0;
  let my = 0;
  let cx = 0;
  let cy = 0;
  let rest = '';
  let k = 0;
  // The shortest path data that parses the same: a repeated command keeps its letter implied, and a minus sign
  // separates numbers by itself (the browser parses a page's worth of this on every first drawing).
  let last = '';
  for (let i = 0; i < o.cmds.length; i++) {
    const c = o.cmds[i]!;
    const n = ARG_COUNT[c]!;
    if (c === 'Z') {
      rest += 'z';
      last = 'z';
      // Z returns the pen to the subpath's first point.
      cx = mx;
      cy = my;
      continue;
    }
    const letter = c === 'M' ? 'm' : c.toLowerCase();
    // After m, further pairs would mean l: an m is always written.
    let part = letter === last && letter !== 'm' ? '' : letter;
    let first = part !== '';
    let px = 0;
    let py = 0;
    for (let j = 0; j < n; j += 2) {
      px = Math.round(ax * o.args[k]!);
      py = Math.round(ay * o.args[k + 1]!);
      k += 2;
      const dx = px - cx;
      const dy = py - cy;
      part += (first || dx < 0 ? '' : ' ') + dx + (dy < 0 ? '' : ' ') + dy;
      first = false;
    }
    if (c === 'M') {
      if (i > 0) rest += part;
      else {
        fx = px;
        fy = py;
      }
      mx = px;
      my = py;
    } else {
      rest += part;
    }
    last = letter;
    cx = px;
    cy = py;
  }
  const s = { ax, ay, mx: fx, my: fy, rest };
  list.push(s);
  return s;
}

/**
 * The outline placed like placeOutline (x' = 100·(sx·x + x0), y' likewise, whole 1/100 pt), written as its absolute
 * starting point and the glyph's relative commands at that scale (cached per outline and scale). Each point lands
 * within 1/100 pt of placeOutline's: the glyph's origin and its offsets are rounded apart.
 */
export function placeGlyph(o: Outline, sx: number, sy: number, x0: number, y0: number): string {
  const s = shapeOf(o, sx * PLACED_UNITS_PER_PT, sy * PLACED_UNITS_PER_PT);
  if (!s) return placeOutline(o, sx, sy, x0, y0);
  return 'M' + (Math.round(x0 * PLACED_UNITS_PER_PT) + s.mx) + ' ' + (Math.round(y0 * PLACED_UNITS_PER_PT) + s.my) + s.rest;
}

// Per outline, the same outline with each point's x and y swapped (placed by placeGlyph, a quarter-turned glyph).
const turnedOutlines = new WeakMap<Outline, Outline>();

/**
 * The outline to place, with placeGlyph's `sx` and `sy` as the glyph's vertical and horizontal scale, for a glyph
 * turned a quarter clockwise about its origin (a bracket in a vertical headline): x' = x0 + sx·y, y' = y0 + sy·x.
 * Its advance runs down the page and its top faces right, as the PDF and the glyph `<use>` draw it.
 */
export function turnedOutline(o: Outline): Outline {
  let t = turnedOutlines.get(o);
  if (!t) {
    const args = new Float64Array(o.args.length);
    for (let i = 0; i < args.length; i += 2) {
      args[i] = o.args[i + 1]!;
      args[i + 1] = o.args[i]!;
    }
    t = { cmds: o.cmds, args };
    turnedOutlines.set(o, t);
  }
  return t;
}
