// Glyph outlines for the screen, as command letters (M L Q C Z) and their numbers in font units, y up. A TrueType
// glyph is read straight from the font's `glyf` table: a page's first drawing decodes a few thousand glyphs, and
// going through fontkit's glyph and path objects cost more than the rest of that drawing's script. Composite glyphs,
// CFF outlines, variable fonts and collections take fontkit's path instead; both give the same commands.

/** An outline: one letter per command and their numbers, in order. */
export interface GlyphOutline {
  readonly cmds: string;
  readonly args: Float64Array;
}

/** One command of a glyph outline, as fontkit gives it. */
export interface GlyphCommand {
  readonly command: string;
  readonly args: readonly number[];
}

const ARG_COUNT: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };
const COMMAND_LETTER: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };

/** fontkit's path commands as an outline; null for a blank glyph. */
export function outlineFromCommands(commands: readonly GlyphCommand[]): GlyphOutline | null {
  if (commands.length === 0) return null;
  let cmds = '';
  let n = 0;
  for (const c of commands) n += c.args.length;
  const args = new Float64Array(n);
  let at = 0;
  for (const c of commands) {
    const letter = COMMAND_LETTER[c.command];
    if (letter === undefined || c.args.length !== ARG_COUNT[letter]) throw new Error(`glyph outline: unsupported path command "${c.command}" with ${c.args.length} numbers`);
    cmds += letter;
    for (const v of c.args) args[at++] = v;
  }
  return { cmds, args };
}

/** Where a plain TrueType font keeps its outlines; null when this reader does not apply. */
export interface GlyfTables {
  readonly view: DataView;
  readonly glyf: number;
  readonly glyfLength: number;
  readonly loca: number;
  readonly longLoca: boolean;
  readonly glyphs: number;
}

const tag = (v: DataView, at: number): string => String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

/** The `glyf` and `loca` tables of a single TrueType font (not a collection, no CFF, no variations). */
export function glyfTables(bytes: Uint8Array): GlyfTables | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) return null;
  const numTables = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (rec + 16 > bytes.length) return null;
    tables.set(tag(view, rec), { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  const glyf = tables.get('glyf');
  const loca = tables.get('loca');
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  if (!glyf || !loca || !head || !maxp || tables.has('gvar')) return null;
  if (glyf.offset + glyf.length > bytes.length || loca.offset + loca.length > bytes.length) return null;
  return { view, glyf: glyf.offset, glyfLength: glyf.length, loca: loca.offset, longLoca: view.getInt16(head.offset + 50) === 1, glyphs: view.getUint16(maxp.offset + 4) };
}

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

/** One axis of a simple glyph's points (deltas, short or long, or repeated by flag) into `out`; returns where it ended. */
function readCoordinates(v: DataView, at: number, flags: Uint8Array, short: number, sameOrPositive: number, out: Float64Array): number {
  let c = 0;
  for (let i = 0; i < out.length; i++) {
    const f = flags[i]!;
    if (f & short) c += f & sameOrPositive ? v.getUint8(at++) : -v.getUint8(at++);
    else if (!(f & sameOrPositive)) {
      c += v.getInt16(at);
      at += 2;
    }
    out[i] = c;
  }
  return at;
}

/**
 * A simple TrueType glyph's outline, drawn as fontkit draws it (each contour from its first on-curve point, or the
 * midpoint of its first and last points; off-curve pairs meeting at their midpoint). Null for a blank glyph;
 * undefined for a glyph this reader leaves to fontkit (a composite, or data it cannot trust).
 */
export function glyfOutline(t: GlyfTables, gid: number): GlyphOutline | null | undefined {
  const v = t.view;
  if (gid < 0 || gid >= t.glyphs) return undefined;
  const start = t.longLoca ? v.getUint32(t.loca + gid * 4) : v.getUint16(t.loca + gid * 2) * 2;
  const end = t.longLoca ? v.getUint32(t.loca + gid * 4 + 4) : v.getUint16(t.loca + gid * 2 + 2) * 2;
  if (end === start) return null;
  if (end < start || end > t.glyfLength) return undefined;
  let at = t.glyf + start;
  const contours = v.getInt16(at);
  if (contours <= 0) return contours === 0 ? null : undefined;
  at += 10;
  const ends: number[] = [];
  for (let i = 0; i < contours; i++, at += 2) ends.push(v.getUint16(at));
  const points = ends[contours - 1]! + 1;
  at += 2 + v.getUint16(at); // instructions
  const flags = new Uint8Array(points);
  for (let i = 0; i < points; ) {
    const f = v.getUint8(at++);
    flags[i++] = f;
    if (f & REPEAT) for (let r = v.getUint8(at++); r > 0 && i < points; r--) flags[i++] = f;
  }
  const xs = new Float64Array(points);
  const ys = new Float64Array(points);
  at = readCoordinates(v, at, flags, X_SHORT, X_SAME_OR_POSITIVE, xs);
  at = readCoordinates(v, at, flags, Y_SHORT, Y_SAME_OR_POSITIVE, ys);
  if (at > t.glyf + end) return undefined;

  let cmds = '';
  const args: number[] = [];
  let first = 0;
  for (const last of ends) {
    if (last < first) return undefined;
    const on = (i: number) => (flags[i]! & ON_CURVE) !== 0;
    // The contour's start: its first point if on the curve; else its last point if that is, else their midpoint
    // (which counts as off the curve, as in fontkit).
    let fx: number;
    let fy: number;
    let fOn: boolean;
    let from: number;
    let cx = 0;
    let cy = 0;
    let curve: boolean;
    if (on(first)) {
      fx = xs[first]!;
      fy = ys[first]!;
      fOn = true;
      from = first + 1;
      curve = false;
    } else {
      if (on(last)) {
        fx = xs[last]!;
        fy = ys[last]!;
        fOn = true;
      } else {
        fx = (xs[first]! + xs[last]!) / 2;
        fy = (ys[first]! + ys[last]!) / 2;
        fOn = false;
      }
      from = first;
      cx = fx;
      cy = fy;
      curve = true;
    }
    cmds += 'M';
    args.push(fx, fy);
    for (let j = from; j <= last; j++) {
      const px = j === first ? fx : xs[j - 1]!;
      const py = j === first ? fy : ys[j - 1]!;
      const prevOn = j === first ? fOn : on(j - 1);
      const x = xs[j]!;
      const y = ys[j]!;
      if (prevOn && on(j)) {
        cmds += 'L';
        args.push(x, y);
      } else if (prevOn) {
        cx = x;
        cy = y;
        curve = true;
      } else if (!on(j)) {
        cmds += 'Q';
        args.push(px, py, (px + x) / 2, (py + y) / 2);
        cx = x;
        cy = y;
        curve = true;
      } else {
        cmds += 'Q';
        args.push(cx, cy, x, y);
        curve = false;
      }
    }
    if (curve) {
      cmds += 'Q';
      args.push(cx, cy, fx, fy);
    }
    cmds += 'Z';
    first = last + 1;
  }
  return { cmds, args: Float64Array.from(args) };
}
