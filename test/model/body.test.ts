import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BlockNodeJSON,
  type InlineNodeJSON,
  BodySchema,
  DatelineNodeSchema,
  InlineNodeSchema,
  TEXT_FORMAT,
  TextNodeSchema,
  bodyOf,
  bodyPlainText,
  bodyToParagraphs,
  datelineNode,
  datelineText,
  paragraphNode,
  subheadNode,
  textNode,
} from '../../src/core/model/index';

describe('datelineText (TYPESETTING.md §6.4)', () => {
  it('本报 + place + 讯, credits in full-width brackets with U+3000 between role and names', () => {
    expect(datelineText({ agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] })).toBe('本报济宁讯（通讯员　刘春雷）');
  });

  it('several credits and names, each separated by one full-width space', () => {
    expect(datelineText({ agency: '本报', place: '', credits: [{ role: '记者', names: ['张三', '李四'] }, { role: '通讯员', names: ['王五'] }] })).toBe('本报讯（记者　张三　李四　通讯员　王五）');
  });

  it('wire copy takes 电 and the date; an explicit suffix wins; no credits, no brackets', () => {
    expect(datelineText({ agency: '新华社', place: '北京', date: '3月4日', credits: [{ role: '记者', names: ['王明'] }] })).toBe('新华社北京3月4日电（记者　王明）');
    expect(datelineText({ agency: '本报', place: '济宁', suffix: '电', credits: [] })).toBe('本报济宁电');
    expect(datelineText({ agency: '本报', place: '', credits: [] })).toBe('本报讯');
  });
});

describe('body node schemas', () => {
  it('accept what the builders make and keep Lexical\u2019s own fields', () => {
    const body = bodyOf([paragraphNode([datelineNode({ agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['孙瑜'] }] }), textNode('为了进一步学习。')]), subheadNode('致敬最美军属')]);
    const parsed = BodySchema.parse(JSON.parse(JSON.stringify(body)));
    expect(parsed).toEqual(body);
    const first = parsed.root.children[0] as BlockNodeJSON & { version?: number };
    expect(first.version).toBe(1);
  });

  it('fill defaults: format 0, paragraph style body, dateline place and credits', () => {
    expect(TextNodeSchema.parse({ type: 'text', text: '字' }).format).toBe(0);
    expect(DatelineNodeSchema.parse({ type: 'dateline', agency: '本报' })).toMatchObject({ place: '', credits: [] });
    const body = BodySchema.parse({ root: { type: 'root', children: [{ type: 'paragraph', children: [] }] } });
    expect(body.root.children[0]?.styleId).toBe('body');
  });

  it('reject unknown node types, empty credits and negative formats', () => {
    expect(InlineNodeSchema.safeParse({ type: 'image', src: 'x' }).success).toBe(false);
    expect(DatelineNodeSchema.safeParse({ type: 'dateline', agency: '本报', credits: [{ role: '记者', names: [] }] }).success).toBe(false);
    expect(TextNodeSchema.safeParse({ type: 'text', text: 'a', format: -1 }).success).toBe(false);
    expect(BodySchema.safeParse({ root: { type: 'root', children: [{ type: 'quote', children: [] }] } }).success).toBe(false);
  });
});

describe('bodyToParagraphs', () => {
  const body = bodyOf([
    paragraphNode([datelineNode({ agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['闫丹阳'] }] }), textNode('太白湖新区推进网格化管理。')]),
    paragraphNode([textNode('“化繁为简”，大小事务“一网”全覆盖。', { styleId: 'runin' }), textNode('按楼栋划分'), textNode('', {}), textNode('区域', { format: TEXT_FORMAT.bold | TEXT_FORMAT.italic })]),
    subheadNode('法护芳华　情暖“三八”'),
    paragraphNode([textNode('第一行'), { type: 'linebreak', version: 1 } as InlineNodeJSON, textNode('第二行')], 'note'),
  ]);
  const paragraphs = bodyToParagraphs(body);
  const plain = bodyPlainText(body);

  it('gives one paragraph per block, with kind, style and block index', () => {
    expect(paragraphs.map((p) => [p.kind, p.styleId, p.index])).toEqual([
      ['paragraph', 'body', 0],
      ['paragraph', 'body', 1],
      ['subhead', 'subhead', 2],
      ['paragraph', 'note', 3],
    ]);
  });

  it('splits the dateline into 电头 (黑体) and bracketed credits (楷体)', () => {
    expect(paragraphs[0]?.runs.map((r) => [r.text, r.role, r.styleId])).toEqual([
      ['本报济宁讯', 'dateline', 'dateline'],
      ['（通讯员　闫丹阳）', 'datelineCredit', 'credit'],
      ['太白湖新区推进网格化管理。', 'text', undefined],
    ]);
  });

  it('carries character styles and format bits, drops empty text and keeps line breaks', () => {
    const runs = paragraphs[1]?.runs ?? [];
    expect(runs.map((r) => r.text)).toEqual(['“化繁为简”，大小事务“一网”全覆盖。', '按楼栋划分', '区域']);
    expect(runs[0]?.styleId).toBe('runin');
    expect([runs[2]?.bold, runs[2]?.italic]).toEqual([true, true]);
    expect(paragraphs[3]?.runs.map((r) => r.text)).toEqual(['第一行', '\n', '第二行']);
  });

  it('offsets index the plain text: each block followed by one newline', () => {
    expect(plain).toBe('本报济宁讯（通讯员　闫丹阳）太白湖新区推进网格化管理。\n“化繁为简”，大小事务“一网”全覆盖。按楼栋划分区域\n法护芳华　情暖“三八”\n第一行\n第二行\n');
    for (const p of paragraphs) {
      expect(plain.slice(p.offset).startsWith(p.runs[0]?.text ?? '')).toBe(true);
      for (const r of p.runs) expect(plain.slice(r.offset, r.offset + r.text.length)).toBe(r.text);
    }
    expect(paragraphs.map((p) => p.offset)).toEqual([0, 28, 55, 67]);
  });

  it('offsets hold for any body (property)', () => {
    const inline = fc.oneof(
      fc.string({ maxLength: 12 }).map((t) => textNode(t)),
      fc.constant({ type: 'linebreak', version: 1 } as InlineNodeJSON),
      fc.record({ place: fc.string({ maxLength: 4 }), name: fc.string({ minLength: 1, maxLength: 4 }) }).map(({ place, name }) => datelineNode({ agency: '本报', place, credits: [{ role: '记者', names: [name] }] })),
    );
    const block = fc.oneof(fc.array(inline, { maxLength: 5 }).map((c) => paragraphNode(c)), fc.string({ maxLength: 10 }).map((t) => subheadNode(t)));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const b = bodyOf(blocks);
        const text = bodyPlainText(b);
        const ps = bodyToParagraphs(b);
        expect(ps).toHaveLength(blocks.length);
        let expectedOffset = 0;
        for (const p of ps) {
          expect(p.offset).toBe(expectedOffset);
          const len = p.runs.reduce((n, r) => n + r.text.length, 0);
          for (const r of p.runs) expect(text.slice(r.offset, r.offset + r.text.length)).toBe(r.text);
          expect(text[p.offset + len]).toBe('\n');
          expectedOffset = p.offset + len + 1;
        }
        expect(text.length).toBe(expectedOffset);
      }),
    );
  });
});
