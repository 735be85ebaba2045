import { describe, expect, it } from 'vitest';
import { type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { outlineFromCommands, placeGlyph, placeOutline, svgItems } from '../../src/core/render';
import { parseOutline } from './parse-outline';
import { parseFace } from '../../src/core/fonts/face';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

const K = { c: 0, m: 0, y: 0, k: 1 };

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
  it("gives a real glyph the numbers of the font's own SVG path data", async () => {
    const file = 'fontsource:noto-serif-sc/400/117';
    const face = parseFace(file, 'Noto Serif SC', 400, await nodeFontLoader.load(file));
    // A Han glyph of this slice with a real outline (gid 0 is .notdef, a few are blank).
    const gid = [...Array(60).keys()].find((g) => face.glyphCommands(g).length > 20)!;
    const fromCommands = outlineFromCommands(face.glyphCommands(gid))!;
    const fromText = parseOutline(face.glyphPath(gid));
    expect(fromCommands.cmds).toBe(fromText.cmds);
    expect(fromCommands.args.length).toBeGreaterThan(20);
    fromCommands.args.forEach((v, i) => expect(Math.abs(v - fromText.args[i]!)).toBeLessThanOrEqual(0.005));
  });
  it('scales, flips y and moves each point, in whole 1/100 pt', () => {
    // A 10 pt glyph of a 1000-unit font at (100, 200): font y up becomes page y down.
    expect(placeOutline(parseOutline('M0 0L1000 880Z'), 0.01, -0.01, 100, 200)).toBe('M10000 20000L11000 19120Z');
    expect(placeOutline(parseOutline('M500 0Q0 0 0 500Z'), 0.0123, -0.0123, 0, 0)).toBe('M615 0Q0 0 0 -615Z');
  });
  it('places a glyph as its starting point and relative commands, each point within 1/100 pt of placeOutline', () => {
    // Two contours: after z the pen is back at the first contour's start, so the second m is relative to it.
    const o = parseOutline('M10 20L30 -40Q1 2 3 4C1 2 3 4 5 6ZM100 100L200 100Z');
    expect(placeGlyph(o, 0.01, -0.01, 100, 200)).toBe('M10010 19980l20 60q-29 -42 -27 -44c-2 2 0 0 2 -2zm90 -80l100 0z');
    // The same outline and scale elsewhere reuses its shape: only the start point moves.
    expect(placeGlyph(o, 0.01, -0.01, 0, 0)).toBe('M10 -20l20 60q-29 -42 -27 -44c-2 2 0 0 2 -2zm90 -80l100 0z');
    const absolute = (d: string): number[][] => {
      const pts: number[][] = [];
      let cx = 0, cy = 0, sx = 0, sy = 0;
      for (const m of d.matchAll(/([MmLlQqCcZz])([^MmLlQqCcZz]*)/g)) {
        const c = m[1]!;
        const v = m[2]!.trim() === '' ? [] : m[2]!.trim().split(/\s+/).map(Number);
        if (c === 'Z' || c === 'z') { cx = sx; cy = sy; continue; }
        const rel = c === c.toLowerCase();
        let px = cx, py = cy;
        for (let i = 0; i < v.length; i += 2) {
          px = (rel ? cx : 0) + v[i]!;
          py = (rel ? cy : 0) + v[i + 1]!;
          pts.push([px, py]);
        }
        cx = px; cy = py;
        if (c === 'M' || c === 'm') { sx = px; sy = py; }
      }
      return pts;
    };
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
    expect(out[0]).toBe('<path d="M0 5000l1000 0l0 -1000zM1000 5000l1000 0l0 -1000z" fill="#000000"' + S);
    expect(out[1]).toMatch(/^<line /);
    expect(out[2]).toBe('<path d="M3000 5000l1000 0l0 -1000z" fill="#000000"' + S);
    expect(out[3]).toBe('<path d="M4000 5000l1000 0l0 -1000z" fill="#ff00ff"' + S);
  });
});
