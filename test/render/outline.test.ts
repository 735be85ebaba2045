import { describe, expect, it } from 'vitest';
import { type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { placeGlyph, placeOutline, svgItems } from '../../src/core/render';
import { outlineFromCommands } from '../../src/core/fonts';
import { glyfOutline, glyfTables } from '../../src/core/fonts/glyph-outline';
import { parseOutline } from './parse-outline';
import { parseFace } from '../../src/core/fonts/face';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

const K = { c: 0, m: 0, y: 0, k: 1 };

// Every point of path data, made absolute: numbers split at spaces and minus signs, a command's numbers taken a
// segment at a time (a repeated command is written once), each segment relative to where the last one ended.
const SEGMENT: Record<string, number> = { m: 2, l: 2, q: 4, c: 6, z: 0 };
const absolute = (d: string): number[][] => {
  const pts: number[][] = [];
  let cx = 0, cy = 0, sx = 0, sy = 0;
  for (const m of d.matchAll(/([MmLlQqCcZz])([^MmLlQqCcZz]*)/g)) {
    const c = m[1]!;
    const v = [...m[2]!.matchAll(/-?\d+(?:\.\d+)?/g)].map((x) => Number(x[0]));
    if (c === 'Z' || c === 'z') { cx = sx; cy = sy; continue; }
    const rel = c === c.toLowerCase();
    const n = SEGMENT[c.toLowerCase()]!;
    for (let s0 = 0; s0 < v.length; s0 += n) {
      let px = cx, py = cy;
      for (let i = s0; i < s0 + n; i += 2) {
        px = (rel ? cx : 0) + v[i]!;
        py = (rel ? cy : 0) + v[i + 1]!;
        pts.push([px, py]);
      }
      if ((c === 'M' || c === 'm') && s0 === 0) { sx = px; sy = py; }
      cx = px; cy = py;
    }
  }
  return pts;
};

describe('glyph outlines placed on the page', () => {
  it("takes a font's path commands as they are, refuses what it cannot place, and has nothing for a blank glyph", () => {
    const o = outlineFromCommands([
      { command: 'moveTo', args: [10, 20] }, { command: 'lineTo', args: [30, -40] }, { command: 'quadraticCurveTo', args: [1, 2, 3, 4] },
      { command: 'bezierCurveTo', args: [1, 2, 3, 4, 5, 6] }, { command: 'closePath', args: [] },
    ])!;
    expect(o.cmds).toBe('MLQCZ');
    expect([...o.args]).toEqual([10, 20, 30, -40, 1, 2, 3, 4, 1, 2, 3, 4, 5, 6]);
    expect(outlineFromCommands([])).toBeNull();
    expect(() => outlineFromCommands([{ command: 'arcTo', args: [1, 2] }])).toThrow(/unsupported/);
    expect(() => outlineFromCommands([{ command: 'moveTo', args: [1] }])).toThrow(/unsupported/);
  });
  it("reads every glyph of real fonts from glyf as fontkit draws it, and matches the font's own SVG path data", async () => {
    for (const [file, family, count] of [
      ['fontsource:noto-serif-sc/400/117', 'Noto Serif SC', Infinity],
      ['fontsource:noto-sans-sc/700/90', 'Noto Sans SC', Infinity],
      ['fontsource:lxgw-wenkai/500/all', 'LXGW WenKai', 400],
    ] as const) {
      const bytes = await nodeFontLoader.load(file);
      const face = parseFace(file, family, 400, bytes);
      // Read from glyf itself, not through fontkit's fallback.
      const tables = glyfTables(bytes)!;
      expect(tables, file).not.toBeNull();
      let drawn = 0;
      let readDirectly = 0;
      const glyphs = Math.min(count, face.glyphCount);
      for (let gid = 0; gid < glyphs; gid++) {
        const direct = face.glyphOutline(gid);
        const viaFontkit = outlineFromCommands(face.glyphCommands(gid));
        expect(direct?.cmds, `${file} gid ${gid}`).toBe(viaFontkit?.cmds);
        expect([...(direct?.args ?? [])], `${file} gid ${gid}`).toEqual([...(viaFontkit?.args ?? [])]);
        if (direct) drawn++;
        // Composite glyphs (accented Latin in LXGW WenKai) go through fontkit; the rest are read directly.
        if (glyfOutline(tables, gid) !== undefined) readDirectly++;
      }
      expect(drawn, file).toBeGreaterThan(glyphs / 2);
      expect(readDirectly, file).toBeGreaterThan(glyphs * 0.9);
    }
    // And the numbers are the ones fontkit writes as SVG (to its 1/100 unit).
    const file = 'fontsource:noto-serif-sc/400/117';
    const face = parseFace(file, 'Noto Serif SC', 400, await nodeFontLoader.load(file));
    const gid = [...Array(60).keys()].find((g) => (face.glyphOutline(g)?.cmds.length ?? 0) > 20)!;
    const fromText = parseOutline(face.glyphPath(gid));
    const direct = face.glyphOutline(gid)!;
    expect(direct.cmds).toBe(fromText.cmds);
    direct.args.forEach((v, i) => expect(Math.abs(v - fromText.args[i]!)).toBeLessThanOrEqual(0.005));
  });
  it('scales, flips y and moves each point, in whole 1/100 pt', () => {
    // A 10 pt glyph of a 1000-unit font at (100, 200): font y up becomes page y down.
    expect(placeOutline(parseOutline('M0 0L1000 880Z'), 0.01, -0.01, 100, 200)).toBe('M10000 20000L11000 19120Z');
    expect(placeOutline(parseOutline('M500 0Q0 0 0 500Z'), 0.0123, -0.0123, 0, 0)).toBe('M615 0Q0 0 0 -615Z');
  });
  it('places a glyph as its starting point and relative commands, each point within 1/100 pt of placeOutline', () => {
    // Two contours: after z the pen is back at the first contour's start, so the second m is relative to it.
    const o = parseOutline('M10 20L30 -40Q1 2 3 4C1 2 3 4 5 6ZM100 100L200 100Z');
    // The shortest form that parses the same: a minus sign separates numbers, a repeated command's letter is implied.
    expect(placeGlyph(o, 0.01, -0.01, 100, 200)).toBe('M10010 19980l20 60q-29-42-27-44c-2 2 0 0 2-2zm90-80l100 0z');
    // The same outline and scale elsewhere reuses its shape: only the start point moves.
    expect(placeGlyph(o, 0.01, -0.01, 0, 0)).toBe('M10 -20l20 60q-29-42-27-44c-2 2 0 0 2-2zm90-80l100 0z');
    // A glyph of repeated curves, as a font draws one.
    expect(absolute(placeGlyph(parseOutline('M0 0Q10 10 20 0Q30 -10 40 0Q50 10 60 0Z'), 1, 1, 0, 0))).toEqual([[0, 0], [1000, 1000], [2000, 0], [3000, -1000], [4000, 0], [5000, 1000], [6000, 0]]);
    const odd = parseOutline('M517 -33L12 77Q-250 391 33 12C8 9 -7 -1 500 730ZM3 3L-9 8Z');
    const want = absolute(placeOutline(odd, 0.01237, -0.00981, 123.456, 78.905));
    const got = absolute(placeGlyph(odd, 0.01237, -0.00981, 123.456, 78.905));
    expect(got).toHaveLength(want.length);
    got.forEach((p, i) => {
      expect(Math.abs(p[0]! - want[i]![0]!)).toBeLessThanOrEqual(1);
      expect(Math.abs(p[1]! - want[i]![1]!)).toBeLessThanOrEqual(1);
    });
  });
  it('draws a run of same-coloured glyphs as one path, and keeps the drawing order around other items', () => {
    const page: DisplayPage = { pageId: 'p', number: '1', width: 100, height: 100, faces: { f: { key: 'f', family: 'x', weight: 400, file: 'x', psName: 'x', unitsPerEm: 1000 } }, items: [], frames: [] };
    const g = (x: number, gid = 1, color = K): GlyphItem => ({ kind: 'glyph', face: 'f', gid, x, y: 50, size: 10, scaleX: 1, advance: 10, color, text: '字', src: null });
    const box = parseOutline('M0 0L1000 0L1000 1000Z');
    const out = svgItems(page, [g(0), g(10), g(20, 2), { kind: 'rule', x1: 0, y1: 60, x2: 100, y2: 60, width: 1, style: 'solid', color: K }, g(30), g(40, 1, { c: 0, m: 1, y: 0, k: 0 })], {
      glyphRef: () => null,
      clipRef: () => 'c',
      outline: (gl) => (gl.gid === 2 ? null : box), // gid 2: a blank glyph (U+3000)
    });
    expect(out).toHaveLength(4);
    const S = ' transform="scale(0.01)"/>';
    expect(out[0]).toBe('<path d="M0 5000l1000 0 0-1000zM1000 5000l1000 0 0-1000z" fill="#000000"' + S);
    expect(out[1]).toMatch(/^<line /);
    expect(out[2]).toBe('<path d="M3000 5000l1000 0 0-1000z" fill="#000000"' + S);
    expect(out[3]).toBe('<path d="M4000 5000l1000 0 0-1000z" fill="#ff00ff"' + S);
  });
  it('turns a glyph a quarter clockwise where the glyph <use> and the PDF turn it: advance down the page, top to the right', () => {
    const faces = { f: { key: 'f', family: 'x', weight: 400, file: 'x', psName: 'x', unitsPerEm: 1000 } };
    const page: DisplayPage = { pageId: 'p', number: '1', width: 100, height: 100, faces, items: [], frames: [] };
    const outline = parseOutline('M0 0L1000 0L0 800Q300 500 120 40Z');
    for (const g of [
      { kind: 'glyph', face: 'f', gid: 1, x: 30, y: 40, size: 10, scaleX: 1, advance: 10, color: K, text: '（', src: null, rotate: 90 },
      { kind: 'glyph', face: 'f', gid: 1, x: 12.5, y: 7.25, size: 12, scaleX: 0.8, scaleY: 0.9, advance: 9.6, color: K, text: '—', src: null, rotate: 90 },
    ] satisfies GlyphItem[]) {
      const drawn = svgItems(page, [g], { glyphRef: () => null, clipRef: () => 'c', outline: () => outline })[0]!;
      const used = svgItems(page, [g], { glyphRef: () => 'g1', clipRef: () => 'c' })[0]!;
      const [a, b, c, d, e, f] = /matrix\(([^)]*)\)/.exec(used)![1]!.split(' ').map(Number) as [number, number, number, number, number, number];
      const want: number[][] = [];
      for (let i = 0; i < outline.args.length; i += 2) {
        const [x, y] = [outline.args[i]!, outline.args[i + 1]!];
        want.push([Math.round((a * x + c * y + e) * 100), Math.round((b * x + d * y + f) * 100)]);
      }
      const got = absolute(/ d="([^"]*)"/.exec(drawn)![1]!);
      expect(got).toHaveLength(want.length);
      got.forEach((p, i) => {
        expect(Math.abs(p[0]! - want[i]![0]!), `point ${i} x`).toBeLessThanOrEqual(1);
        expect(Math.abs(p[1]! - want[i]![1]!), `point ${i} y`).toBeLessThanOrEqual(1);
      });
      // The advance (font x) runs down the page from the origin; the glyph's top (font y) faces right.
      expect(got[1]![0]).toBe(got[0]![0]);
      expect(got[1]![1]).toBeGreaterThan(got[0]![1]!);
      expect(got[2]![0]).toBeGreaterThan(got[0]![0]!);
    }
  });
});
