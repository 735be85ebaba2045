import { describe, expect, it } from 'vitest';
import { type DisplayItem, type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { pageGroups } from '../../src/renderer/src/layout/page-groups';

const K = { c: 0, m: 0, y: 0, k: 1 };
const glyph = (storyId: string, x: number, gid = 1): GlyphItem => ({
  kind: 'glyph', face: 'f', gid, x, y: 100, size: 10, scaleX: 1, advance: 10, color: K, text: '字',
  src: { storyId, field: 'body', offset: x, length: 1 },
});
const rule: DisplayItem = { kind: 'rule', x1: 0, y1: 50, x2: 500, y2: 50, width: 0.5, style: 'solid', color: K };
const page = (items: DisplayItem[]): DisplayPage => ({ pageId: 'p', number: '07', width: 1000, height: 1400, faces: {}, items, frames: [] });

describe('page runs for redrawing only what changed', () => {
  const before = pageGroups(page([glyph('', 0), rule, glyph('a', 10), glyph('a', 20), glyph('b', 10), glyph('a', 30)]));

  it('cuts the drawing order into runs by story, furniture apart, rules in the run they are drawn in', () => {
    expect(before.map((g) => [g.key, g.items.length])).toEqual([['#0', 2], ['a#0', 2], ['b#0', 1], ['a#1', 1]]);
  });
  it("changes only the edited story's digest; the other runs keep key and digest", () => {
    const after = pageGroups(page([glyph('', 0), rule, glyph('a', 10), glyph('a', 20, 7), glyph('b', 10), glyph('a', 30)]));
    expect(after.map((g) => g.key)).toEqual(before.map((g) => g.key));
    expect(after.map((g, i) => g.hash === before[i]!.hash)).toEqual([true, false, true, true]);
  });
  it('sees a move of 1/1000 pt, a colour, a size', () => {
    const variants: GlyphItem[] = [{ ...glyph('b', 10), x: 10.001 }, { ...glyph('b', 10), color: { ...K, m: 1 } }, { ...glyph('b', 10), size: 10.5 }];
    for (const v of variants) expect(pageGroups(page([v]))[0]!.hash).not.toBe(pageGroups(page([glyph('b', 10)]))[0]!.hash);
    // Not where the text came from: the same drawing is the same digest.
    expect(pageGroups(page([{ ...glyph('b', 10), src: { storyId: 'b', field: 'body', offset: 99, length: 1 } }]))[0]!.hash).toBe(pageGroups(page([glyph('b', 10)]))[0]!.hash);
  });
});
