import { describe, expect, it } from 'vitest';
import { compose, lines, text, em, SIZE, fonts, para } from './helpers';
import { ComposeCache, composeParagraphs, ensureParagraphs, setHeadline } from '../../src/core/compose';
import { bodyOf, bodyToParagraphs, datelineNode, DEFAULT_HOUSE, DEFAULT_STYLES, paragraphNode, textNode } from '../../src/core/model';
import { FLAG } from '../../src/core/display/types';

describe('孤字 (item 23)', () => {
  it('pulls a character down from the line before when nothing can be compressed', async () => {
    const p = await compose('一二三四五六七八九十一二三四。', 13);
    expect(lines(p)).toEqual(['一二三四五六七八九十一二', '三四。']);
    expect(p.orphanFallback).toBe(false);
    expect(p.lines[0]!.width).toBeCloseTo(13 * SIZE, 6); // the shortened line is spread evenly
  });

  it('prefers compressing punctuation earlier in the paragraph', async () => {
    const p = await compose('一二，三四，五六七八九十一二', 13);
    expect(lines(p)).toEqual(['一二，三四，五六七八九十一二']);
    expect(p.lines[0]!.width).toBeCloseTo(13 * SIZE, 6);
  });

  it('falls back only for a paragraph that cannot be fixed', async () => {
    const p = await compose('一二三四五六七八九十一二三四', 13, { house: { ...DEFAULT_HOUSE, minLastLineChars: 3 } });
    // pulling one more would leave the line before with nothing legal to end on within reach: still fixed here
    expect(p.orphanFallback).toBe(false);
    expect(lines(p).at(-1)!.length).toBeGreaterThanOrEqual(3);
  });

  it('never leaves a lone character on the last line of the sample-like paragraphs at 13 em', async () => {
    const src = '今年是新区转型发展的关键之年。面对新征程新任务，全区上下在解放思想中提高认识，在认清形势中坚定信心，始终把招商引资作为引领发展、深化改革、改善民生的“天字一号”工程，敢为人先、拼搏进取，创新机制、精准发力，以招商引资“大突围”，实现转型发展“新突破”。';
    for (let cut = 40; cut < src.length; cut += 3) {
      const p = await compose(src.slice(0, cut), 13, { indent: 2 });
      const last = text(p.lines.at(-1)!);
      const chars = [...last].filter((c) => /[\u4e00-\u9fff]/.test(c)).length;
      if (p.lines.length > 1) expect(chars, `${cut}: ${last}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('dateline, styles, sources', () => {
  it('sets the run-in 电头 in 黑体 and the credits in 楷体 at the start of the first paragraph', async () => {
    const body = bodyOf([paragraphNode([
      datelineNode({ agency: '本报', place: '济宁', suffix: '讯', credits: [{ role: '通讯员', names: ['刘春雷'] }] }),
      textNode('招商引资是经济发展的源头活水。'),
    ])]);
    const ps = bodyToParagraphs(body);
    const ctx = { fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE, source: { storyId: 's1', field: 'body' as const } };
    await ensureParagraphs(ps, ctx);
    const [p] = composeParagraphs(ps, 13 * SIZE, ctx);
    const gs = p!.lines.flatMap((l) => l.glyphs);
    const faceOf = (ch: string): string => gs.find((g) => g.text === ch)!.face;
    expect(faceOf('讯')).toMatch(/^fs-noto-sans-sc-400-/);
    expect(faceOf('刘')).toMatch(/^fs-lxgw-wenkai-500-\d+$/);
    expect(faceOf('招')).toMatch(/^fs-noto-serif-sc-400-/);
    expect(em(gs[0]!.x)).toBeCloseTo(2, 9);
    expect(gs.every((g) => g.src?.storyId === 's1' && g.src.field === 'body')).toBe(true);
    // every source character is mapped exactly once, in order
    const fullText = ps[0]!.runs.map((r) => r.text).join('');
    expect(gs.map((g) => g.text).join('').replace(/\s/g, '')).toBe(fullText.replace(/[\s\u3000]/g, '').replace(/\u3000/g, ''));
  });

  it('a character no font can draw is set as 〓 in the flag colour, reported with its offset', async () => {
    const p = await compose(para('字\u{20000}字', 'body', 100), 13);
    const g = p.lines[0]!.glyphs[1]!;
    expect(g.missing).toBe(true);
    expect(g.color).toEqual(FLAG);
    expect(g.text).toBe('\u{20000}');
    expect(p.missing).toEqual([{ storyId: '', field: 'body', offset: 101, char: '\u{20000}' }]);
  });

  it('a hard line break ends a line without spreading it', async () => {
    const p = await compose('一二三\n四五六七八九十一二三四五六七八九十', 13);
    expect(lines(p)[0]).toBe('一二三');
    expect(em(p.lines[0]!.width)).toBeCloseTo(3, 9);
  });
});

describe('incremental composition', () => {
  it('recomposes only the edited paragraph and shifts the offsets of the ones after it', async () => {
    const texts = ['招商引资是经济发展的源头活水。', '今年是新区转型发展的关键之年。', '面对新征程新任务，全区上下。'];
    const build = (ts: string[]) => {
      let off = 0;
      return ts.map((t, i) => {
        const p = para(t, 'body', off, i);
        off += t.length + 1;
        return p;
      });
    };
    const ctx = { fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE };
    const cache = new ComposeCache();
    const before = build(texts);
    await ensureParagraphs(before, ctx);
    composeParagraphs(before, 13 * SIZE, ctx, cache);
    expect(cache.misses).toBe(3);
    const edited = build([texts[0]!.replace('经济', '经济社会'), texts[1]!, texts[2]!]);
    await ensureParagraphs(edited, ctx);
    const after = composeParagraphs(edited, 13 * SIZE, ctx, cache);
    expect(cache.misses).toBe(4);
    expect(cache.hits).toBe(2);
    expect(after[1]!.lines[0]!.glyphs[0]!.src!.offset).toBe(edited[1]!.offset);
    expect(after[2]!.lines[0]!.start).toBe(edited[2]!.offset);
    const fresh = composeParagraphs(edited, 13 * SIZE, ctx);
    expect(after).toEqual(fresh);
  });

  it('keeps a few versions of a paragraph being typed into, not one per keystroke', async () => {
    const ctx = { fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE, source: { storyId: 's', field: 'body' as const } };
    const cache = new ComposeCache();
    const other = para('面对新征程新任务，全区上下。', 'body', 0, 0);
    let text = '今年是新区转型发展的关键之年。';
    await ensureParagraphs([other, para(text + '夜班编辑')], ctx);
    cache.compose(other, 13 * SIZE, ctx);
    for (let i = 0; i < 40; i++) {
      text += '夜班编辑'[i % 4];
      cache.compose(para(text, 'body', 20, 1), 13 * SIZE, ctx);
      cache.compose(other, 13 * SIZE, ctx); // the paragraph before it, composed again each pass
    }
    // 40 versions of the typed paragraph were made; 4 are kept, and the untouched paragraph still hits.
    expect(cache.size).toBe(1 + 4);
    expect(cache.hits).toBe(40);
    // A version still kept (an undo of the last keystroke) is a hit.
    cache.compose(para(text.slice(0, -1), 'body', 20, 1), 13 * SIZE, ctx);
    expect(cache.hits).toBe(41);
  });

  it('bounds versions per paragraph, not per story: a long story laid out again finds every paragraph', async () => {
    const ctx = { fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE, source: { storyId: 's', field: 'body' as const } };
    const cache = new ComposeCache();
    const ps = Array.from({ length: 12 }, (_, i) => para(`第${i + 1}段：今年是新区转型发展的关键之年。`, 'body', i * 40, i));
    await ensureParagraphs(ps, ctx);
    for (const p of ps) cache.compose(p, 13 * SIZE, ctx);
    for (const p of ps) cache.compose(p, 13 * SIZE, ctx);
    expect([cache.misses, cache.hits]).toEqual([12, 12]);
  });

  it('composeShared shares a moved paragraph\'s glyphs and notes the move on its lines', async () => {
    const ctx = { fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE, source: { storyId: 's', field: 'body' as const } };
    const cache = new ComposeCache();
    const p = para('今年是新区转型发展的关键之年。面对新征程新任务，全区上下。', 'body', 10, 1);
    await ensureParagraphs([p], ctx);
    const first = cache.composeShared(p, 13 * SIZE, ctx);
    const moved = cache.composeShared({ ...p, offset: 13, runs: p.runs.map((r) => ({ ...r, offset: r.offset + 3 })) }, 13 * SIZE, ctx);
    expect(moved.lines.map((l) => l.glyphs)).toEqual(first.lines.map((l) => l.glyphs));
    expect(moved.lines[0]!.glyphs).toBe(first.lines[0]!.glyphs);
    expect(moved.lines.map((l) => [l.start - 3, l.end - 3, l.srcShift])).toEqual(first.lines.map((l) => [l.start, l.end, 3]));
    // compose() gives the same paragraph with every glyph's own offset moved instead.
    const copied = cache.compose({ ...p, offset: 13, runs: p.runs.map((r) => ({ ...r, offset: r.offset + 3 })) }, 13 * SIZE, ctx);
    expect(copied.lines[0]!.srcShift).toBeUndefined();
    expect(copied.lines[0]!.glyphs[0]!.src!.offset).toBe(first.lines[0]!.glyphs[0]!.src!.offset + 3);
  });

  it('one cache serves several stories and fresh per-story settings objects, and stays bounded', async () => {
    const cache = new ComposeCache(3);
    const p = para('招商引资是经济发展的源头活水。');
    await ensureParagraphs([p], { fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE });
    const ctxFor = (storyId: string) => ({ fonts, styles: DEFAULT_STYLES, house: DEFAULT_HOUSE, settings: { punctStyle: 'kaiming' as const }, source: { storyId, field: 'body' as const } });
    cache.compose(p, 117, ctxFor('a'));
    cache.compose(p, 117, ctxFor('b'));
    cache.compose(p, 117, ctxFor('a'));
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
    expect(cache.compose(p, 117, ctxFor('b')).lines[0]!.glyphs[0]!.src!.storyId).toBe('b');
    for (const m of [100, 110, 120]) cache.compose(p, m, ctxFor('a'));
    expect(cache.size).toBe(3);
  });
});

describe('headline setter', () => {
  it('sets one unbroken line, centred in a measure, with 长体 scale', async () => {
    const font = { role: '标宋' as const, weight: 900 };
    await fonts.ensure('太白湖新区重大项目集中开工', [font]);
    const h = setHeadline('太白湖新区重大项目集中开工', fonts, { font, size: 24, measure: 400, align: 'center', scaleX: 0.9, source: { storyId: 's', field: 'headline', offset: 0 } });
    expect(h.naturalWidth).toBeCloseTo(13 * 24 * 0.9, 6);
    expect(h.glyphs[0]!.x).toBeCloseTo((400 - h.naturalWidth) / 2, 6);
    expect(h.width).toBeCloseTo(200 + h.naturalWidth / 2, 6);
    expect(h.glyphs.every((g) => g.scaleX === 0.9 && g.size === 24)).toBe(true);
    expect(h.glyphs[0]!.face).toMatch(/^fs-noto-serif-sc-900-/);
    const start = setHeadline('太白湖新区', fonts, { font, size: 24, measure: 400, align: 'start' });
    expect(start.glyphs[0]!.x).toBe(0);
  });
});
