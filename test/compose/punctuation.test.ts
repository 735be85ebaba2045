import { describe, expect, it } from 'vitest';
import { compose, lines, text, em, SIZE, fonts, cells } from './helpers';
import type { ComposedLine } from '../../src/core/compose';

// TYPESETTING.md §10 items 12–18: punctuation widths and compression.

/** Width in em taken by the marks between `before` and `after` (single-line paragraph, natural spacing). */
function between(l: ComposedLine, before: string, after: string): number {
  const a = l.glyphs.find((g) => g.text === before)!;
  const b = l.glyphs.find((g) => g.text === after && g.x > a.x)!;
  return em(b.x - (a.x + SIZE));
}

describe('punctuation widths (quanjiao)', () => {
  it('12: pause, stop and closing marks have ink in the left half of the cell, opening marks in the right half', async () => {
    const p = await compose('甲，乙。丙、丁；戊：己？庚！辛”壬）癸》子“丑（寅《卯', 40);
    for (const g of p.lines[0]!.glyphs) {
      if (!'，。、；：？！”）》“（《'.includes(g.text)) continue;
      const b = fonts.face(g.face).glyphBounds(g.gid); // em, relative to the glyph origin
      // the glyph's 1 em box starts at g.x; its ink must stay in the half that is not blank
      if ('“（《'.includes(g.text)) expect(b.minX, g.text).toBeGreaterThanOrEqual(0.5 - 0.02);
      else expect(b.maxX, g.text).toBeLessThanOrEqual(0.5 + 0.02);
    }
  });

  it('13: adjacent pairs ”。 ）、 “‘ 》” ”“ ：“ take 1.5 em together, never 2', async () => {
    for (const pair of ['”。', '）、', '“‘', '》”', '”“', '：“', '。”', '，“']) {
      const p = await compose(`甲${pair}乙`, 30);
      expect(between(p.lines[0]!, '甲', '乙'), pair).toBeCloseTo(1.5, 6);
    }
  });

  it('14: a full-width mark at a line end occupies ½ em and the line ends exactly at the measure', async () => {
    const p = await compose('一二三四五六七八九十一二，三四五六七八九十一二三四', 12.5);
    const l = p.lines[0]!;
    expect(text(l)).toBe('一二三四五六七八九十一二，');
    const comma = l.glyphs.at(-1)!;
    expect(em(comma.advance)).toBeCloseTo(0.5, 6);
    expect(comma.x + comma.advance).toBeCloseTo(12.5 * SIZE, 6);
    const ink = fonts.face(comma.face).glyphBounds(comma.gid);
    expect(em(comma.x) + ink.maxX).toBeLessThanOrEqual(12.5 + 0.02);
  });

  it('15: with the option on, an opening bracket at a line start drops its left blank (ink at the left edge)', async () => {
    const off = await compose('“三八”妇女节', 30);
    const on = await compose('“三八”妇女节', 30, { settings: { lineStartOpenTrim: true } });
    expect(em(off.lines[0]!.glyphs[0]!.x)).toBeCloseTo(0, 6);
    expect(em(on.lines[0]!.glyphs[0]!.x)).toBeCloseTo(-0.5, 6);
    expect(em(on.lines[0]!.glyphs[1]!.x)).toBeCloseTo(0.5, 6);
  });

  it('16: a blank trimmed at the line end is not given back by justification', async () => {
    // 11 Han + ， = 11.5 em natural on a 12 em line whose next character may not fit: the comma stays ½ em
    const p = await compose('一二三四五六七八九十一，二三四五六七八九十一二三', 12);
    const l = p.lines[0]!;
    expect(text(l)).toBe('一二三四五六七八九十一，');
    expect(em(l.glyphs.at(-1)!.advance)).toBeCloseTo(0.5, 6);
    expect(l.width).toBeCloseTo(12 * SIZE, 6);
    // the ½ em went into the gaps between the characters instead
    expect(em(l.glyphs[0]!.advance)).toBeCloseTo(1 + 0.5 / 11, 6);
  });

  it('17: ？？ is set in 1 em and ？？？ in 2 em', async () => {
    expect(between((await compose('甲？？乙', 30)).lines[0]!, '甲', '乙')).toBeCloseTo(1, 6);
    expect(between((await compose('甲？！乙', 30)).lines[0]!, '甲', '乙')).toBeCloseTo(1, 6);
    expect(between((await compose('甲？？？乙', 30)).lines[0]!, '甲', '乙')).toBeCloseTo(2, 6);
  });

  it('18: 开明式 keeps 。？！ full and sets other marks at ½ em; 半角式 sets every mark at ½ em', async () => {
    const k = (await compose('甲。乙，丙“丁”戊？己', 30, { settings: { punctStyle: 'kaiming' } })).lines[0]!;
    expect(between(k, '甲', '乙')).toBeCloseTo(1, 6);
    expect(between(k, '乙', '丙')).toBeCloseTo(0.5, 6);
    expect(between(k, '丙', '丁')).toBeCloseTo(0.5, 6);
    expect(between(k, '戊', '己')).toBeCloseTo(1, 6);
    const b = (await compose('甲。乙，丙“丁”戊？己', 30, { settings: { punctStyle: 'banjiao' } })).lines[0]!;
    for (const [x, y] of [['甲', '乙'], ['乙', '丙'], ['丙', '丁'], ['丁', '戊'], ['戊', '己']] as const) expect(between(b, x, y)).toBeCloseTo(0.5, 6);
  });

  it('—— keeps no blank of its own; a quote beside it keeps its ½ em outside', async () => {
    const l = (await compose('甲——”乙', 30)).lines[0]!;
    expect(between(l, '甲', '乙')).toBeCloseTo(3, 6);
    expect(cells(l).map((c) => c[0])).toEqual(['甲', '——', '”', '乙']);
  });

  it('sample-page strings set as expected', async () => {
    const p = await compose('以“庆‘三八’，致敬时代新女性”为主题', 30);
    expect(lines(p)).toEqual(['以“庆‘三八’，致敬时代新女性”为主题']);
    const l = p.lines[0]!;
    expect(between(l, '以', '庆')).toBeCloseTo(1, 6); // “ alone: 1 em
    expect(between(l, '八', '致')).toBeCloseTo(1.5, 6); // ’， compressed
  });
});
