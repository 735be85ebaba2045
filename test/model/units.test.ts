import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HAO_TABLE,
  HAO_NAMES,
  MM_PER_PT,
  mmToPt,
  ptToMm,
  qToPt,
  resolveSize,
  traditionalPtToPt,
} from '../../src/core/model/index';

describe('号 table (TYPESETTING.md §5.1, DTP mapping)', () => {
  it('holds the sixteen sizes of Word/WPS/CTeX, largest first', () => {
    expect(HAO_NAMES).toEqual(['初号', '小初', '一号', '小一', '二号', '小二', '三号', '小三', '四号', '小四', '五号', '小五', '六号', '小六', '七号', '八号']);
    expect(HAO_NAMES.map((h) => DEFAULT_HAO_TABLE[h])).toEqual([42, 36, 26, 24, 22, 18, 16, 15, 14, 12, 10.5, 9, 7.5, 6.5, 5.5, 5]);
  });

  it('runs strictly from large to small', () => {
    const sizes = HAO_NAMES.map((h) => DEFAULT_HAO_TABLE[h]);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1] as number);
  });

  it('resolves a size in pt as given and a 号 through the house table', () => {
    expect(resolveSize({ pt: 11 }, DEFAULT_HAO_TABLE)).toBe(11);
    expect(resolveSize({ hao: '小五' }, DEFAULT_HAO_TABLE)).toBe(9);
    // A newsroom on letterpress values (小初 = 30 pt in NEWSCALC1) replaces one entry.
    expect(resolveSize({ hao: '小初' }, { ...DEFAULT_HAO_TABLE, 小初: 30 })).toBe(30);
  });

  it('matches the mm column of the table to 0.01 mm', () => {
    const mm: Partial<Record<(typeof HAO_NAMES)[number], number>> = { 初号: 14.82, 小初: 12.7, 一号: 9.17, 二号: 7.76, 小二: 6.35, 三号: 5.64, 四号: 4.94, 五号: 3.7, 小五: 3.18, 六号: 2.65, 八号: 1.76 };
    for (const [h, v] of Object.entries(mm)) expect(Math.abs(ptToMm(DEFAULT_HAO_TABLE[h as keyof typeof mm]) - (v as number)), h).toBeLessThan(0.006);
  });
});

describe('unit conversions', () => {
  it('uses the DTP point: 72 pt = 1 in = 25.4 mm exactly', () => {
    expect(MM_PER_PT).toBe(25.4 / 72);
    expect(mmToPt(25.4)).toBe(72);
    expect(ptToMm(72)).toBe(25.4);
    expect(ptToMm(mmToPt(390))).toBeCloseTo(390, 12);
  });

  it('converts Q (级, 0.25 mm): 4 Q = 1 mm, 小五 9 pt ≈ 12.7 Q', () => {
    expect(qToPt(4)).toBe(mmToPt(1));
    expect(qToPt(12.7)).toBeCloseTo(9, 2);
    expect(qToPt(1)).toBeCloseTo(0.708661, 6);
  });

  it('converts the traditional point (0.35146 mm) to DTP points', () => {
    expect(traditionalPtToPt(72)).toBeCloseTo((72 * 0.35146 * 72) / 25.4, 12);
    expect(traditionalPtToPt(72)).toBeLessThan(72);
    expect(traditionalPtToPt(72)).toBeCloseTo(71.73, 2);
  });
});
