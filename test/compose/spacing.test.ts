import { describe, expect, it } from 'vitest';
import { compose, lines, text, em, SIZE, stylesWith, para } from './helpers';
import { prepare } from '../../src/core/compose/prepare';
import { layoutLine } from '../../src/core/compose/justify';
import { naturalWidth } from '../../src/core/compose/measure';
import { settingsFrom } from '../../src/core/compose/styles';
import type { SourceChar } from '../../src/core/compose/segment';
import { fonts } from './helpers';
import { DEFAULT_HOUSE, DEFAULT_STYLES, HouseSettingsSchema, mmToPt, ptToMm, qToPt, traditionalPtToPt, MM_PER_PT } from '../../src/core/model';
import type { ComposedLine } from '../../src/core/compose';
import { BLACK } from '../../src/core/display/types';

// TYPESETTING.md §10 items 19–25 and 33–35.

function gapAfter(l: ComposedLine, ch: string): number {
  const i = l.glyphs.findIndex((g) => g.text === ch);
  const a = l.glyphs[i]!;
  const b = l.glyphs[i + 1]!;
  const natural = a.text.length === 1 && /[\u4e00-\u9fff]/.test(a.text) ? SIZE : 0;
  return em(b.x - a.x - natural);
}

describe('Han–Latin and Han–digit spacing', () => {
  it('19: digits sit solid against Han; Latin words get ⅛ em; never at line edges nor beside ，。 or inside brackets', async () => {
    const l = (await compose('在2024年引进GDP项目', 30)).lines[0]!;
    expect(gapAfter(l, '在')).toBeCloseTo(0, 6);
    const four = l.glyphs.find((g) => g.text === '4')!;
    const nian = l.glyphs.find((g) => g.text === '年')!;
    expect(nian.x).toBeCloseTo(four.x + four.advance, 6);
    expect(four.advance).toBeLessThan(SIZE);
    expect(gapAfter(l, '进')).toBeCloseTo(0.125, 6);
    const p = l.glyphs.find((g) => g.text === 'P')!;
    const xiang = l.glyphs.find((g) => g.text === '项')!;
    const pAlone = (await compose('P', 30)).lines[0]!.glyphs[0]!.advance;
    expect(em(xiang.x - p.x - pAlone)).toBeCloseTo(0.125, 6);
    // beside marks and inside quotes: no gap
    const q = (await compose('说“GDP”，GDP。', 30)).lines[0]!;
    const g1 = q.glyphs.find((g) => g.text === 'G')!;
    const open = q.glyphs.find((g) => g.text === '“')!;
    expect(em(g1.x - open.x)).toBeCloseTo(1, 6); // “ box is 1 em, G follows at once
    // a line starting with a Latin word starts at 0
    const m = await compose('国国国国国国国国国GDP国国国', 10);
    const second = m.lines.find((x) => text(x).startsWith('GDP'));
    if (second) expect(second.glyphs[0]!.x).toBeCloseTo(0, 9);
  });

  it('19: the Han–digit gap is a house setting', async () => {
    const house = HouseSettingsSchema.parse({ hanDigitGapEm: 0.25 });
    const l = (await compose('在2024年', 30, { house })).lines[0]!;
    expect(gapAfter(l, '在')).toBeCloseTo(0.25, 6);
  });
});

describe('justification', () => {
  it('20: every non-last line of a justified paragraph ends exactly at the measure', async () => {
    const body = '太白湖新区坚持把招商引资作为经济发展的重中之重，出台全员招商、驻点招商、双招双引奖励等制度办法，理顺工作机制、充实人员力量、压实招商责任，一批引领性、示范性项目签约落地，总投资16.2亿元的GDP项目“2+3+N”产业体系。';
    for (const m of [7, 11, 13, 17, 23]) {
      const p = await compose(body, m);
      for (const l of p.lines.slice(0, -1)) expect(Math.abs(l.width - m * SIZE)).toBeLessThanOrEqual(0.01);
    }
  });

  it('21: expansion goes to word spaces first (to ½ em), then Han–Latin gaps (to ⅓ em), then all other gaps', async () => {
    await fonts.ensure('甲乙ab cd丙丁', [{ role: '书宋', weight: 400 }]);
    const settings = settingsFrom(DEFAULT_HOUSE);
    const style = { font: { role: '书宋' as const, weight: 400 }, size: SIZE, scaleX: 1, scaleY: 1, trackingEm: 0, color: BLACK };
    const chars: SourceChar[] = [...'甲乙ab cd丙丁'].map((ch, i) => ({ cp: ch.codePointAt(0)!, text: ch, offset: i, style }));
    const p = prepare(chars, fonts, settings);
    const n = p.units.length;
    const nat = naturalWidth(p, 0, n, false);
    const space = p.units.find((u) => u.text === ' ')!;
    const spaceX = (slack: number): { sp: number; hl: number; han: number } => {
      const g = layoutLine(p, 0, n, nat + slack, 0, true, 'justify', false);
      const xs = [...g.coreX];
      const idx = (t: string): number => p.units.findIndex((u) => u.text === t);
      const sp = xs[idx('cd')]! - xs[idx(' ')]!; // space width
      const hl = xs[idx('ab')]! - (xs[idx('乙')]! + SIZE); // Han–Latin gap
      const han = xs[idx('乙')]! - (xs[idx('甲')]! + SIZE); // Han–Han gap
      return { sp: em(sp), hl: em(hl), han: em(han) };
    };
    const natSpace = em(space.core);
    const small = spaceX(0.1 * SIZE);
    expect(small.sp).toBeCloseTo(natSpace + 0.1, 6);
    expect(small.hl).toBeCloseTo(0.125, 6);
    expect(small.han).toBeCloseTo(0, 6);
    const mid = spaceX((0.5 - natSpace + 0.2) * SIZE);
    expect(mid.sp).toBeCloseTo(0.5, 6);
    expect(mid.hl).toBeCloseTo(0.125 + 0.1, 6); // the two Han–Latin gaps share 0.2 em
    expect(mid.han).toBeCloseTo(0, 6);
    const big = spaceX((0.5 - natSpace + 2 * (1 / 3 - 0.125) + 0.4) * SIZE);
    expect(big.sp).toBeCloseTo(0.5, 6);
    expect(big.hl).toBeCloseTo(1 / 3, 6);
    expect(big.han).toBeCloseTo(0.2, 6); // the rest shared by 甲乙 and 丙丁
  });

  it('21: no growth inside ——, ……, numbers or words, nor beside ～ and ／', async () => {
    const p = await compose('国国——国国……国16.2国km国3～5国A／B国国国国国国国国国国国国', 14);
    const l = p.lines[0]!;
    const dash = l.glyphs.find((g) => g.text === '——')!;
    expect(em(dash.advance)).toBeGreaterThanOrEqual(2 - 1e-9);
    const ell = l.glyphs.filter((g) => g.text === '…');
    expect(em(ell[1]!.x - ell[0]!.x)).toBeCloseTo(1, 6);
    const one = l.glyphs.find((g) => g.text === '1')!;
    const six = l.glyphs.find((g) => g.text === '6')!;
    expect(six.x - one.x).toBeCloseTo(one.advance, 9);
    const l2 = p.lines.find((x) => text(x).includes('～'))!;
    const wave = l2.glyphs.find((g) => g.text === '～')!;
    const three = l2.glyphs[l2.glyphs.indexOf(wave) - 1]!;
    const five = l2.glyphs[l2.glyphs.indexOf(wave) + 1]!;
    expect(em(five.x - wave.x)).toBeCloseTo(1, 6);
    expect(wave.x - three.x).toBeCloseTo(three.advance, 9);
  });

  it('22: the last line is start-aligned at natural spacing; a one-line paragraph is never spread', async () => {
    const p = await compose('一二三四五六七八九十一二三四五', 13);
    const last = p.lines.at(-1)!;
    expect(last.glyphs[0]!.x).toBe(0);
    for (const g of last.glyphs) expect(em(g.advance)).toBeCloseTo(1, 9);
    const one = await compose('一二三', 13);
    expect(one.lines).toHaveLength(1);
    expect(em(one.lines[0]!.width)).toBeCloseTo(3, 9);
  });

  it('25: the first line is indented exactly 2 em, later lines start at 0', async () => {
    const p = await compose('招商引资是经济发展的源头活水，是事关全区高质量发展的工程', 13, { indent: 2 });
    expect(em(p.lines[0]!.glyphs[0]!.x)).toBeCloseTo(2, 9);
    expect(p.lines[1]!.glyphs[0]!.x).toBe(0);
    expect(p.lines[0]!.width).toBeCloseTo(13 * SIZE, 6);
  });

  it('24: headings carry their keep-with-next line count for layout (小标题 default 2)', async () => {
    const p = await compose(para('聚焦产业定位', 'subhead'), 13, { styles: DEFAULT_STYLES });
    expect(p.keepWithNextLines).toBe(2);
  });
});

describe('sizes', () => {
  it('33: 号 sizes resolve through the house table, which a house may replace', async () => {
    const def = await compose('国家', 13, { styles: DEFAULT_STYLES });
    expect(def.lines[0]!.glyphs[0]!.size).toBe(9);
    const letterpress = HouseSettingsSchema.parse({ haoTable: { ...DEFAULT_HOUSE.haoTable, 小五: 9.5 } });
    const lp = await compose('国家', 13, { styles: DEFAULT_STYLES, house: letterpress });
    expect(lp.lines[0]!.glyphs[0]!.size).toBe(9.5);
  });

  it('34: Q, DTP point and traditional point conversions are exact', () => {
    expect(qToPt(4)).toBeCloseTo(mmToPt(1), 12);
    expect(ptToMm(72)).toBeCloseTo(25.4, 12);
    expect(MM_PER_PT).toBeCloseTo(0.352778, 6);
    expect(ptToMm(traditionalPtToPt(1))).toBeCloseTo(0.35146, 12);
  });

  it('35: 长体 80 % sets advances at 80 % in line breaking and draws glyphs at scaleX 0.8', async () => {
    const styles = stylesWith({ scaleX: 80, firstLineIndentEm: 0 });
    const p = await compose('一二三四五六七八九十一二三四五六七八九十', 13, { styles });
    expect(lines(p)[0]).toBe('一二三四五六七八九十一二三四五六'); // 16 × 0.8 = 12.8 em
    expect(p.lines[0]!.glyphs[0]!.scaleX).toBeCloseTo(0.8, 9);
    expect(em(p.lines[1]!.glyphs[0]!.advance)).toBeCloseTo(0.8, 9);
  });
});
