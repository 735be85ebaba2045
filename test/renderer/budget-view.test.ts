import { describe, expect, it } from 'vitest';
import { BUDGET_ORDER, filterRows, NO_FILTER, nextSort, sameRows, sortRows, type BudgetRow } from '../../src/renderer/src/budget/budget-view';

const row = (id: string, over: Partial<BudgetRow>): BudgetRow => ({
  id, slug: id, kind: '消息', status: '草稿', lengthZi: 0, author: '', pages: [], lockedBy: null, dirty: false, ...over,
});

const rows = [
  row('a', { slug: '专家义诊暖人心', status: '已编', lengthZi: 900, author: '刘春雷', pages: ['07'] }),
  row('b', { slug: '重大项目集中开工', kind: '通讯', status: '草稿', lengthZi: 1500, author: '万众' }),
  row('c', { slug: '安全第一课', status: '已签发', lengthZi: 300, author: '张三', pages: ['03'] }),
  row('d', { slug: 'Apple 新品', kind: '简讯', status: '待编', lengthZi: 300, author: 'Li' }),
];
const ids = (rs: BudgetRow[]) => rs.map((r) => r.id);

describe('budget filter', () => {
  it('keeps everything with no filter', () => expect(ids(filterRows(rows, NO_FILTER))).toEqual(['a', 'b', 'c', 'd']));
  it('matches slug or author, ignoring case and surrounding spaces', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, text: ' 开工 ' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: '刘春' }))).toEqual(['a']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: 'apple' }))).toEqual(['d']);
  });
  it('filters by status and kind together', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, kind: '消息' }))).toEqual(['a', 'c']);
    expect(ids(filterRows(rows, { ...NO_FILTER, kind: '消息', status: '已签发' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...NO_FILTER, status: '已上版' }))).toEqual([]);
  });
});

describe('budget sort', () => {
  it('keeps budget order by default', () => expect(ids(sortRows(rows, BUDGET_ORDER))).toEqual(['a', 'b', 'c', 'd']));
  it('sorts status along the flow, not by code point', () => {
    expect(ids(sortRows(rows, { key: 'status', dir: 'asc' }))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortRows(rows, { key: 'status', dir: 'desc' }))).toEqual(['c', 'a', 'd', 'b']);
  });
  it('sorts length numerically and stably', () => {
    expect(ids(sortRows(rows, { key: 'lengthZi', dir: 'asc' }))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortRows(rows, { key: 'lengthZi', dir: 'desc' }))).toEqual(['b', 'a', 'c', 'd']);
  });
  it('sorts Chinese slugs by pinyin', () => {
    // an(安) < zhong(重) < zhuan(专); ICU's Chinese order puts Latin after Han.
    expect(ids(sortRows(rows, { key: 'slug', dir: 'asc' }))).toEqual(['c', 'b', 'a', 'd']);
  });
  it('puts unplaced stories after placed ones when sorting by page', () => {
    expect(ids(sortRows(rows, { key: 'pages', dir: 'asc' }))).toEqual(['c', 'a', 'b', 'd']);
  });
  it('cycles a column: ascending, descending, budget order', () => {
    const s1 = nextSort(BUDGET_ORDER, 'slug');
    expect(s1).toEqual({ key: 'slug', dir: 'asc' });
    const s2 = nextSort(s1, 'slug');
    expect(s2).toEqual({ key: 'slug', dir: 'desc' });
    expect(nextSort(s2, 'slug')).toEqual(BUDGET_ORDER);
    expect(nextSort(s2, 'author')).toEqual({ key: 'author', dir: 'asc' });
  });
});

describe('budget rows kept while they show the same', () => {
  const copy = (rs: BudgetRow[]) => rs.map((r) => ({ ...r, pages: [...r.pages] }));
  it('takes new row objects with the same figures as the same rows', () => expect(sameRows(rows, copy(rows))).toBe(true));
  it('sees any figure the table shows change', () => {
    const changed: Partial<BudgetRow>[] = [{ slug: 'x' }, { kind: '通讯' }, { status: '待编' }, { lengthZi: 901 }, { author: 'x' }, { pages: ['07', '08'] }, { pages: ['08'] }, { lockedBy: '王五' }, { dirty: true }, { id: 'z' }];
    for (const over of changed) expect(sameRows(rows, [{ ...rows[0]!, ...over }, ...rows.slice(1)]), JSON.stringify(over)).toBe(false);
  });
  it('sees a row added, dropped or moved', () => {
    expect(sameRows(rows, rows.slice(1))).toBe(false);
    expect(sameRows(rows, [rows[1]!, rows[0]!, ...rows.slice(2)])).toBe(false);
  });
});
