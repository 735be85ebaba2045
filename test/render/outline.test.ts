import { describe, expect, it } from 'vitest';
import { type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { parseOutline, placeOutline, svgItems } from '../../src/core/render';

const K = { c: 0, m: 0, y: 0, k: 1 };

describe('glyph outlines placed on the page', () => {
  it("parses fontkit's absolute path data and refuses what it cannot place", () => {
    const o = parseOutline('M10 20L30 -40Q1 2 3 4C1 2 3 4 5 6Z');
    expect(o.cmds).toBe('MLQCZ');
    expect([...o.args]).toEqual([10, 20, 30, -40, 1, 2, 3, 4, 1, 2, 3, 4, 5, 6]);
    expect(() => parseOutline('M1 2l3 4')).toThrow(/unsupported/);
    expect(() => parseOutline('M1')).toThrow(/needs 2/);
  });
  it('scales, flips y and moves each point, in whole 1/100 pt', () => {
    // A 10 pt glyph of a 1000-unit font at (100, 200): font y up becomes page y down.
    expect(placeOutline(parseOutline('M0 0L1000 880Z'), 0.01, -0.01, 100, 200)).toBe('M10000 20000L11000 19120Z');
    expect(placeOutline(parseOutline('M500 0Q0 0 0 500Z'), 0.0123, -0.0123, 0, 0)).toBe('M615 0Q0 0 0 -615Z');
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
    expect(out[0]).toBe('<path d="M0 5000L1000 5000L1000 4000ZM1000 5000L2000 5000L2000 4000Z" fill="#000000"' + S);
    expect(out[1]).toMatch(/^<line /);
    expect(out[2]).toBe('<path d="M3000 5000L4000 5000L4000 4000Z" fill="#000000"' + S);
    expect(out[3]).toBe('<path d="M4000 5000L5000 5000L5000 4000Z" fill="#ff00ff"' + S);
  });
});
