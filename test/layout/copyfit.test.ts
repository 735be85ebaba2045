import { describe, expect, it } from 'vitest';
import { LayoutEngine, lineChars, type SetLine } from '../../src/core/layout';
import { EM, FixedTypesetter } from './fixed-typesetter';
import { han, issue, stories, story, text } from './fixtures';

// Fixed pitch: a body line of a 13-character column holds 13 characters, the first line of a paragraph 11.
function fit(storyChars: number, lines: number, columns = 1) {
  const s = story('s', [han(storyChars)]);
  const engine = new LayoutEngine(new FixedTypesetter());
  const r = engine.layout(issue([{ number: '01', frames: [text('t', 's', 0, columns, 10, lines)] }], ['s']), stories(s));
  return r.report.stories[0]!;
}

describe('copyfit (DESIGN.md §3) on constructed cases', () => {
  it('overset: characters not placed, and the lines they need at the last measure', () => {
    // 13 × 5: 11 + 4·13 = 63 placed; 37 left → 13 + 13 + 11 = 3 lines.
    const f = fit(100, 5);
    expect(f.oversetChars).toBe(37);
    expect(f.oversetLines).toBe(3);
    expect(f.undersetLines).toBe(0);
    expect(f.undersetChars).toBe(0);
    expect(f.linesUsed).toBe(5);
    expect(f.frames[0]).toMatchObject({ capacity: 5, used: 5, full: true });
  });

  it('underset: empty lines and the empty cells of the last line', () => {
    // 30 characters: 11 + 13 + 6 → 3 lines; 2 empty lines (26 cells) + 7 cells on the last line.
    const f = fit(30, 5);
    expect(f.oversetChars).toBe(0);
    expect(f.oversetLines).toBe(0);
    expect(f.undersetLines).toBe(2);
    expect(f.undersetChars).toBe(2 * 13 + 7);
    expect(f.frames[0]).toMatchObject({ capacity: 5, used: 3, full: false });
  });

  it('exact fit: no overset, no underset, the frame is full', () => {
    const f = fit(11 + 13 * 4, 5);
    expect(f).toMatchObject({ oversetChars: 0, oversetLines: 0, undersetLines: 0, undersetChars: 0 });
    expect(f.frames[0]!.full).toBe(true);
  });

  it('counts every column of a multi-column frame', () => {
    // 3 columns × 4 lines = 12 slots; 11 + 13·4 = 63 characters fill 5 of them.
    const f = fit(63, 4, 3);
    expect(f.undersetLines).toBe(7);
    expect(f.undersetChars).toBe(7 * 13);
    expect(f.frames[0]).toMatchObject({ capacity: 12, used: 5 });
  });

  it('several paragraphs: each starts a new line with its indent', () => {
    const s = story('s', [han(5), han(5), han(5)]);
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [text('t', 's', 0, 1, 0, 5)] }], ['s']), stories(s));
    const f = r.report.stories[0]!;
    expect(f.linesUsed).toBe(3);
    expect(f.undersetLines).toBe(2);
    // last line: 2 indent + 5 characters → 6 empty cells
    expect(f.undersetChars).toBe(2 * 13 + 6);
  });

  it('a Latin or digit run counts as its width in em, rounded up', () => {
    const glyph = (t: string, adv: number) => ({ kind: 'glyph' as const, face: 'f', gid: 1, x: 0, y: 0, size: EM, scaleX: 1, advance: adv, color: { c: 0, m: 0, y: 0, k: 1 }, text: t, src: null });
    const line: SetLine = {
      glyphs: [glyph('总', EM), glyph('2', 0.55 * EM), glyph('0', 0.55 * EM), glyph('2', 0.55 * EM), glyph('4', 0.55 * EM), glyph('年', EM), glyph('——', 2 * EM)],
      width: 0, start: 0, end: 0, size: EM,
    };
    // 总 + ⌈2.2⌉ + 年 + —— (two source characters)
    expect(lineChars(line)).toBe(1 + 3 + 1 + 2);
  });
});
