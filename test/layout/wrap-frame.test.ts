// 图文互斥 across a multi-column text frame (checklist 32): a picture set over the middle columns of a frame
// leaves text in the columns on both sides of it, in whole characters, never in a fragment narrower than the
// house minimum, and no glyph under the picture or its standoff.
import { describe, expect, it } from 'vitest';
import type { GlyphItem } from '../../src/core/display/types';
import { columnLeft, LayoutEngine, pageGrid, spanWidth } from '../../src/core/layout';
import { BROADSHEET, type Frame } from '../../src/core/model';
import { EM, FixedTypesetter } from './fixed-typesetter';
import { han, issue, stories, story, text } from './fixtures';

const grid = pageGrid(BROADSHEET);
const LEFT = grid.area.x;

function layout(columns: number | null, min: number, picture: { col: number; span: number; standoffChars?: number }) {
  const s = story('s', [han(1500)]);
  s.photos.push({ assetId: null, caption: '', credit: '' });
  const img: Frame = {
    id: 'img', kind: 'image', storyId: 's', photoIndex: 0, col: picture.col, span: picture.span, line: 8, lines: 10, captionLines: 0,
    standoffChars: picture.standoffChars ?? 1, standoffLines: 0, fit: 'fill',
  };
  const meta = issue([{ number: '01', frames: [text('t', 's', 0, 5, 0, 30, { columns }), img] }], ['s']);
  const r = new LayoutEngine(new FixedTypesetter()).layout({ ...meta, house: { ...meta.house, minFragmentChars: min } }, stories(s));
  const t = r.threads.get('s')!;
  const x1 = columnLeft(grid, picture.col) - (picture.standoffChars ?? 1) * EM;
  const x2 = columnLeft(grid, picture.col) + spanWidth(grid, picture.span) + (picture.standoffChars ?? 1) * EM;
  const glyphs = r.display.pages[0]!.items.filter((i): i is GlyphItem => i.kind === 'glyph');
  return { t, x1, x2, glyphs };
}

const inBand = (line: number): boolean => line >= 8 && line < 18;

describe('a picture over the middle of a multi-column frame (图文互斥)', () => {
  it('five basic columns, picture over columns 2–4: columns 1 and 5 keep full lines beside it, 2–4 only above and below', () => {
    const { t, x1, x2, glyphs } = layout(null, 4, { col: 1, span: 3 });
    const beside = t.placed.filter((p) => p.kind === 'body' && inBand(p.slot.line));
    expect(new Set(beside.map((p) => p.slot.column))).toEqual(new Set([0, 4]));
    for (const p of beside) expect(p.slot.width).toBeCloseTo(13 * EM, 9);
    // Columns 2–4 still carry text above and below the picture.
    for (const c of [1, 2, 3]) {
      const lines = t.placed.filter((p) => p.slot.column === c).map((p) => p.slot.line);
      expect(lines.some((k) => k < 8)).toBe(true);
      expect(lines.some((k) => k >= 18)).toBe(true);
    }
    // Reading order: column by column, so column 1 (beside the picture) is read before column 2.
    const order = t.placed.filter((p) => p.kind === 'body').map((p) => p.slot.column);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const g of glyphs) {
      const bandTop = grid.area.y + 8 * grid.pitch;
      const bandBottom = grid.area.y + 17 * grid.pitch + grid.em;
      if (g.y < bandTop || g.y - 0.88 * g.size > bandBottom) continue;
      expect(g.x + g.advance <= x1 + 1e-6 || g.x >= x2 - 1e-6).toBe(true);
    }
  });

  it('a 破栏 frame (5 columns re-divided into 4): the outer columns keep 13-character fragments on both sides', () => {
    // 69 chars − 3 gutters = 66 → 16/16/17/17 at offsets 0, 17, 34, 52. Picture + standoff covers 13..56 em:
    // column 1 keeps 0..13 (13 chars, against its left edge), column 4 keeps 56..69 (13 chars, against its right).
    const { t } = layout(4, 4, { col: 1, span: 3 });
    const beside = t.placed.filter((p) => p.kind === 'body' && inBand(p.slot.line));
    const left = beside.filter((p) => p.slot.column === 0);
    const right = beside.filter((p) => p.slot.column === 3);
    expect(left).toHaveLength(10);
    expect(right).toHaveLength(10);
    for (const p of left) {
      expect(p.slot.x).toBeCloseTo(LEFT, 9);
      expect(p.slot.width).toBeCloseTo(13 * EM, 9);
    }
    for (const p of right) {
      expect(p.slot.x).toBeCloseTo(LEFT + 56 * EM, 9);
      expect(p.slot.width).toBeCloseTo(13 * EM, 9);
    }
    expect(beside.filter((p) => p.slot.column === 1 || p.slot.column === 2)).toEqual([]);
  });

  it('drops a fragment narrower than the minimum on either side, and only there', () => {
    // Minimum 14 characters: the 13-character fragments go, the columns above and below the picture stay.
    const { t } = layout(4, 14, { col: 1, span: 3 });
    expect(t.placed.filter((p) => p.kind === 'body' && inBand(p.slot.line))).toEqual([]);
    expect(t.placed.some((p) => p.slot.column === 0 && p.slot.line < 8)).toBe(true);
    expect(t.placed.some((p) => p.slot.column === 3 && p.slot.line >= 18)).toBe(true);
  });

  it('for any picture position and minimum, every line beside it is whole characters ≥ the minimum and clear of it', () => {
    for (let col = 0; col < 5; col++) {
      for (let span = 1; col + span <= 5; span++) {
        for (const standoffChars of [0, 2.5]) {
          for (const min of [1, 6]) {
            for (const columns of [null, 2, 3, 4]) {
              const { t, x1, x2 } = layout(columns, min, { col, span, standoffChars });
              for (const p of t.placed) {
                if (p.kind !== 'body' || !inBand(p.slot.line)) continue;
                const chars = p.slot.width / EM;
                expect(Math.abs(chars - Math.round(chars))).toBeLessThan(1e-9);
                expect(chars).toBeGreaterThanOrEqual(min);
                expect(p.slot.x + p.slot.width <= x1 + 1e-6 || p.slot.x >= x2 - 1e-6).toBe(true);
              }
            }
          }
        }
      }
    }
  });
});
