import { describe, expect, it } from 'vitest';
import { type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { hitTest } from '../../src/renderer/src/layout/hit-test';

const glyph = (x: number, y: number, storyId: string, offset: number): GlyphItem => ({
  kind: 'glyph', face: 'f', gid: 1, x, y, size: 10, scaleX: 1, advance: 10, color: { c: 0, m: 0, y: 0, k: 1 }, text: '字',
  src: { storyId, field: 'body', offset, length: 1 },
});

const page: DisplayPage = {
  pageId: 'p', number: '07', width: 1000, height: 1400, faces: {},
  items: [
    { ...glyph(50, 30, '', 0) }, // running head: page furniture
    glyph(100, 200, 'a', 0),
    glyph(110, 200, 'a', 1),
    glyph(100, 215, 'a', 12),
  ],
  frames: [
    { frameId: 'rh', storyId: null, x: 0, y: 0, w: 1000, h: 50 },
    { frameId: 't1', storyId: 'a', x: 90, y: 180, w: 200, h: 300 },
    { frameId: 'img', storyId: 'b', x: 400, y: 180, w: 200, h: 200 },
  ],
};

describe('page hit test', () => {
  it('finds the glyph under the click, with its offset', () => {
    expect(hitTest(page, 112, 195)).toEqual({ storyId: 'a', source: { field: 'body', offset: 1 } });
    expect(hitTest(page, 103, 212)).toEqual({ storyId: 'a', source: { field: 'body', offset: 12 } });
  });
  it('puts the caret after the character for a click on its right half', () => {
    expect(hitTest(page, 104.9, 195)).toEqual({ storyId: 'a', source: { field: 'body', offset: 0 } });
    expect(hitTest(page, 105, 195)).toEqual({ storyId: 'a', source: { field: 'body', offset: 1 } });
    expect(hitTest(page, 108, 212)).toEqual({ storyId: 'a', source: { field: 'body', offset: 13 } });
  });
  it('finds a glyph turned 90° in a vertical headline by its turned box, before or after along the column', () => {
    // Turned clockwise about (600, 600): the advance runs down to y 610, the glyph's top faces right (to x 608.8).
    const turned: GlyphItem = { ...glyph(600, 600, 'v', 4), rotate: 90, src: { storyId: 'v', field: 'headline', offset: 4, length: 2 } };
    const p: DisplayPage = { ...page, items: [turned], frames: [] };
    expect(hitTest(p, 605, 602)).toEqual({ storyId: 'v', source: { field: 'headline', offset: 4 } });
    expect(hitTest(p, 605, 608)).toEqual({ storyId: 'v', source: { field: 'headline', offset: 6 } });
    expect(hitTest(p, 599.5, 605)).not.toBeNull(); // the descender side, left of the origin
    expect(hitTest(p, 605, 597)).toBeNull(); // above the glyph, where an upright box would have been
    expect(hitTest(p, 609.5, 605)).toBeNull();
  });
  it('puts the caret after an upright glyph of a vertical column for a click on its lower half', () => {
    // 太白 set down a column: 太 at baseline 600, 白 under it at 610 (the em box from 0.88 em above the baseline).
    const col = (y: number, offset: number): GlyphItem => ({ ...glyph(600, y, 'v', offset), src: { storyId: 'v', field: 'headline', offset, length: 1 } });
    const p: DisplayPage = { ...page, items: [col(600, 0), col(610, 1)], frames: [] };
    expect(hitTest(p, 608, 593)).toEqual({ storyId: 'v', source: { field: 'headline', offset: 0 } }); // upper half, right side
    expect(hitTest(p, 602, 598)).toEqual({ storyId: 'v', source: { field: 'headline', offset: 1 } }); // lower half, left side
    expect(hitTest(p, 602, 605)).toEqual({ storyId: 'v', source: { field: 'headline', offset: 1 } }); // 白, upper half
    expect(hitTest(p, 608, 609)).toEqual({ storyId: 'v', source: { field: 'headline', offset: 2 } }); // 白, lower half
  });
  it('names the photo of a caption glyph', () => {
    const caption: GlyphItem = { ...glyph(400, 420, 'b', 3), src: { storyId: 'b', field: 'caption', index: 1, offset: 3, length: 1 } };
    expect(hitTest({ ...page, items: [...page.items, caption] }, 402, 415)).toEqual({ storyId: 'b', source: { field: 'caption', offset: 3, index: 1 } });
  });
  it('falls back to the story frame around the click', () => {
    expect(hitTest(page, 250, 400)).toEqual({ storyId: 'a', source: null });
    expect(hitTest(page, 450, 250)).toEqual({ storyId: 'b', source: null });
  });
  it('ignores page furniture and empty paper', () => {
    expect(hitTest(page, 52, 27)).toBeNull();
    expect(hitTest(page, 900, 1300)).toBeNull();
  });
});
