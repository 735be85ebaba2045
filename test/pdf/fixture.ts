// Hand-built display lists for the PDF tests: glyph ids come from the real fontsource files through the
// font registry, positions are set here by simple advance arithmetic (the PDF must not care how they were made).
import { BLACK, type Cmyk, type DisplayItem, type DisplayPage, type GlyphItem, type SourceRef } from '../../src/core/display/types';
import { FontRegistry, GETA, type FontStyle } from '../../src/core/fonts';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

export const registry = new FontRegistry(nodeFontLoader);

export interface LineSpec {
  readonly text: string;
  readonly style: FontStyle;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly scaleX?: number;
  readonly color?: Cmyk;
  /** Extra space after every glyph, pt (stands in for justification). */
  readonly tracking?: number;
  readonly storyId?: string;
}

/** Glyphs of one line, left to right; `——` becomes one glyph set at exactly 2 em. */
export async function line(spec: LineSpec): Promise<GlyphItem[]> {
  const { text, style, size } = spec;
  await registry.ensure(text, [style]);
  const scaleX = spec.scaleX ?? 1;
  const out: GlyphItem[] = [];
  let x = spec.x;
  let offset = 0;
  const src = (length: number): SourceRef | null =>
    spec.storyId === undefined ? null : { storyId: spec.storyId, field: 'body', offset, length };
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '—' && chars[i + 1] === '—') {
      const dash = registry.dash(style);
      if (dash.gids.length !== 1) throw new Error('fixture expects —— as one ligature glyph');
      const advance = 2 * size * scaleX;
      out.push({
        kind: 'glyph', face: dash.face, gid: dash.gids[0]!, x, y: spec.y, size, scaleX: (scaleX * 2) / dash.advance,
        advance, color: spec.color ?? BLACK, text: '——', src: src(2),
      });
      x += advance + (spec.tracking ?? 0);
      offset += 2;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      // Spaces are gaps, not glyphs: 全角空格 one em, others a quarter.
      x += (ch === '\u3000' ? 1 : 0.25) * size * scaleX + (spec.tracking ?? 0);
      offset += ch.length;
      continue;
    }
    const g = registry.glyph(style, ch.codePointAt(0)!);
    const advance = g.advance * size * scaleX;
    {
      out.push({
        kind: 'glyph', face: g.face, gid: g.gid, x, y: spec.y, size, scaleX, advance,
        color: g.missing ? { c: 0, m: 1, y: 0, k: 0 } : (spec.color ?? BLACK), text: ch, src: src(ch.length),
        ...(g.missing ? { missing: true as const } : {}),
      });
    }
    x += advance + (spec.tracking ?? 0);
    offset += ch.length;
  }
  return out;
}

export const SERIF: FontStyle = { role: '书宋', weight: 400 };
export const HEAD: FontStyle = { role: '标宋', weight: 900 };
export const SANS: FontStyle = { role: '黑体', weight: 700 };
export const KAI: FontStyle = { role: '楷体', weight: 500 };

export const SAMPLE_LINES = [
  { text: '太白湖新区——招商引资再上台阶', style: HEAD, x: 20, y: 50, size: 17 },
  { text: '本报济宁讯（通讯员　刘春雷）', style: KAI, x: 20, y: 80, size: 10.5 },
  { text: '今年以来，全区GDP同比增长16.2%，', style: SERIF, x: 20, y: 100, size: 10.5, tracking: 0.3 },
  { text: '实现财政收入1,370万元，“双招双引”', style: SERIF, x: 20, y: 115, size: 10.5 },
  { text: '项目38个。犇羴鱻龘，〇亿元。', style: SERIF, x: 20, y: 130, size: 10.5 },
  { text: '长体标题压缩八成', style: SANS, x: 20, y: 165, size: 20, scaleX: 0.8 },
  { text: '长体标题压缩八成', style: SANS, x: 20, y: 195, size: 20 },
  { text: '■通讯员　万众　摄', style: SANS, x: 20, y: 220, size: 9, color: { c: 1, m: 0.6, y: 0, k: 0 } },
] satisfies LineSpec[];

export const PAGE_W = 300;
export const PAGE_H = 260;

/** A small page with every kind of item: headline with ——, body, Kai byline, 长体, rules, tint, box. */
export async function samplePage(extra: DisplayItem[] = []): Promise<DisplayPage> {
  const items: DisplayItem[] = [
    { kind: 'rect', x: 12, y: 140, w: 276, h: 36, fill: { c: 0, m: 0, y: 0, k: 0.15 } },
    { kind: 'rect', x: 12, y: 203, w: 276, h: 27, stroke: { width: 0.5, color: BLACK } },
    { kind: 'rule', x1: 12, y1: 60, x2: 288, y2: 60, width: 1, style: 'solid', color: BLACK },
    { kind: 'rule', x1: 12, y1: 64, x2: 288, y2: 64, width: 0.5, style: 'dotted', color: BLACK },
    { kind: 'rule', x1: 12, y1: 240, x2: 288, y2: 240, width: 0.75, style: 'dashed', color: { c: 0, m: 1, y: 1, k: 0 } },
  ];
  for (const [i, l] of SAMPLE_LINES.entries()) items.push(...(await line({ ...l, storyId: `s${i}` })));
  items.push(...extra);
  return { pageId: 'p1', number: 'A01', width: PAGE_W, height: PAGE_H, items, faces: registry.faceTable(), frames: [] };
}

export { GETA };
