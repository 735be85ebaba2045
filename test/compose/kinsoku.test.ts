import { describe, expect, it } from 'vitest';
import { compose, lines, text, em, SIZE } from './helpers';

// TYPESETTING.md §10 items 4–11: line breaking.

const NO_START = '。．，、：；！？”’）》〉】〗〕］｝」』·・‧／/～';
const NO_END = '“‘（《〈【〖〔［｛「『／/￥¥$';

describe('kinsoku (GB level)', () => {
  it('4: no line starts with a closing mark, pause or middot, whatever falls at the break', async () => {
    for (const mark of NO_START) {
      for (let k = 8; k <= 14; k++) {
        const body = '国'.repeat(k) + mark + '家'.repeat(12);
        const p = await compose(body, 10);
        for (const l of p.lines.slice(1)) expect(NO_START).not.toContain(text(l)[0]);
      }
    }
  });

  it('5: no line ends with an opening mark or a currency prefix', async () => {
    for (const mark of NO_END) {
      for (let k = 7; k <= 13; k++) {
        const body = '国'.repeat(k) + mark + (mark === '￥' || mark === '¥' || mark === '$' ? '800元' : '家') + '家'.repeat(12);
        const p = await compose(body, 10);
        for (const l of p.lines) expect(NO_END).not.toContain(text(l).at(-1));
      }
    }
  });

  it('6: —— and …… are never split, —— is one glyph of exactly 2 em; strict mode keeps them off line starts', async () => {
    for (let k = 7; k <= 12; k++) {
      for (const mark of ['——', '……']) {
        const body = '国'.repeat(k) + mark + '家'.repeat(10);
        const gb = await compose(body, 10);
        const all = lines(gb);
        expect(all.join('')).toBe(body);
        expect(all.some((l) => l.endsWith(mark[0]!) && !l.endsWith(mark))).toBe(false);
        const strict = await compose(body, 10, { settings: { kinsoku: 'strict' } });
        for (const l of lines(strict).slice(1)) expect(l.startsWith(mark)).toBe(false);
      }
    }
    const p = await compose('春季开学季——英烈事迹进校园', 30);
    const dash = p.lines[0]!.glyphs.filter((g) => g.text === '——');
    expect(dash).toHaveLength(1);
    expect(em(dash[0]!.advance)).toBeCloseTo(2, 6);
    expect(dash[0]!.scaleX).toBeCloseTo(2 / 1.692, 3); // the 1.692 em ligature drawn to fill 2 em
    expect(dash[0]!.src).toMatchObject({ offset: 5, length: 2 });
  });

  it('6: with GB level —— may start a line', async () => {
    const p = await compose('国国国国国国国国国——家家', 10);
    expect(lines(p)).toEqual(['国国国国国国国国国', '——家家']);
  });

  it('7: numbers, percentages, temperatures, prices and Latin words are never split nor letter-spaced', async () => {
    const tokens = ['16.2', '1,370', '50%', '36℃', '￥800', 'GDP', 'km', '2+3+N'];
    for (const t of tokens) {
      for (let k = 6; k <= 12; k++) {
        const body = '国'.repeat(k) + t + '家'.repeat(12);
        const p = await compose(body, 10);
        const hit = p.lines.find((l) => text(l).includes(t[0]!));
        expect(text(hit!)).toContain(t);
        const gl = hit!.glyphs.filter((g) => g.src!.offset >= k && g.src!.offset < k + t.length);
        // inside the token every glyph sits at its natural advance: no justification space
        for (let i = 0; i + 1 < gl.length; i++) {
          const natural = gl[i + 1]!.x - gl[i]!.x;
          expect(gl[i]!.advance).toBeCloseTo(natural, 9);
        }
        const inner = gl.slice(0, -1).reduce((s, g) => s + g.advance, 0);
        const p2 = await compose(t, 30);
        const nat = p2.lines[0]!.glyphs.slice(0, -1).reduce((s, g) => s + g.advance, 0);
        expect(inner).toBeCloseTo(nat, 6);
      }
    }
  });

  it('8: “ is always opening and ” always closing, whatever their neighbours', async () => {
    for (let k = 5; k <= 12; k++) {
      const body = '国'.repeat(k) + '”“' + '家'.repeat(3) + '“”' + '家'.repeat(12);
      const p = await compose(body, 9);
      for (const l of lines(p)) {
        expect(l.endsWith('“')).toBe(false);
        expect(l.startsWith('”')).toBe(false);
      }
    }
  });

  it('9: · never starts a line and is set at ½ em, centred', async () => {
    for (let k = 8; k <= 13; k++) {
      const p = await compose('国'.repeat(k) + '再突破·专题访谈' + '家'.repeat(10), 10);
      for (const l of lines(p).slice(1)) expect(l[0]).not.toBe('·');
    }
    const p = await compose('再突破·专题访谈', 30);
    const dot = p.lines[0]!.glyphs.find((g) => g.text === '·')!;
    const next = p.lines[0]!.glyphs.find((g) => g.text === '专')!;
    const prev = p.lines[0]!.glyphs.find((g) => g.text === '破')!;
    expect(em(next.x - (prev.x + SIZE))).toBeCloseTo(0.5, 6); // the mark's cell
    // glyph advance 0.327 em centred in ½ em
    expect(em(dot.x - (prev.x + SIZE))).toBeCloseTo((0.5 - 0.327) / 2, 3);
  });

  it('10: a 、 earlier in the line lets the 14th-position ， be pushed in', async () => {
    const p = await compose('一二三、五六七八九十一二三，四五六', 13);
    expect(lines(p)[0]).toBe('一二三、五六七八九十一二三，');
    expect(em(p.lines[0]!.width)).toBeCloseTo(13, 6);
    const dun = p.lines[0]!.glyphs.find((g) => g.text === '、')!;
    expect(em(dun.advance)).toBeCloseTo(0.5, 6); // its blank squeezed out
  });

  it('10: with no blank to squeeze, the 13th character goes down with the ， and the line is spread to 13 em', async () => {
    const p = await compose('一二三四五六七八九十一二三，四五六', 13);
    expect(lines(p)).toEqual(['一二三四五六七八九十一二', '三，四五六']);
    const l = p.lines[0]!;
    expect(l.width).toBeCloseTo(13 * SIZE, 6);
    // the one em of slack shared by the 11 gaps: evenly spread, nothing after the last character
    for (const g of l.glyphs.slice(0, -1)) expect(g.advance).toBeCloseTo(SIZE * (1 + 1 / 11), 6);
    expect(l.glyphs.at(-1)!.advance).toBeCloseTo(SIZE, 6);
  });

  it('11: push-out carries an opening bracket together with the character it opens', async () => {
    const p = await compose('一二三四五六七八九十一二“三四”五六', 13);
    expect(lines(p)[0]).toBe('一二三四五六七八九十一二');
    expect(lines(p)[1]!.startsWith('“三')).toBe(true);
  });

  it('a group wider than the measure stays whole, tightened to fit, rather than breaking a rule', async () => {
    const p = await compose('说“98.6%专”家义诊', 3);
    expect(lines(p)[0]).toBe('说');
    expect(lines(p)[1]).toBe('“98.6%'); // “ may not end a line, and the number is one unit
    expect(em(p.lines[1]!.width)).toBeCloseTo(3, 6); // 0.3 em taken out of the number's letter spacing
    for (const l of lines(p)) expect(l.endsWith('“')).toBe(false);
  });

  it('strict: a run of —— may break between its units, never before the run', async () => {
    const p = await compose('国国国国国——————家家', 8, { settings: { kinsoku: 'strict' } });
    for (const [i, l] of lines(p).entries()) {
      if (i > 0 && l.startsWith('——')) expect(lines(p)[i - 1]!.endsWith('——')).toBe(true);
    }
    expect(lines(p).join('')).toBe('国国国国国——————家家');
  });

  it('kinsoku none lets marks start lines (Taiwan/HK style)', async () => {
    const p = await compose('一二三四五六七八九十一二三，四五六', 13, { settings: { kinsoku: 'none' } });
    expect(lines(p)[1]!.startsWith('，')).toBe(true);
  });
});
