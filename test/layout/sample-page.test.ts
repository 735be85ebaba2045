// Layout invariants on the bundled sample page, set with the real composer and fonts. Nothing here looks
// at pixels: positions are checked against the grid and the frames.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayPage, GlyphItem, ImageItem } from '../../src/core/display/types';
import { FontRegistry } from '../../src/core/fonts';
import { LayoutEngine, lineBaseline, pageGrid, type LayoutResult } from '../../src/core/layout';
import { ComposeTypesetter } from '../../src/core/layout/compose-typesetter';
import { bodyPlainText, type IssueMeta, type Story } from '../../src/core/model';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { readSampleIssue } from './sample-issue';

let meta: IssueMeta;
let stories: Map<string, Story>;
let result: LayoutResult;
let page: DisplayPage;

beforeAll(async () => {
  ({ meta, stories } = await readSampleIssue());
  const ts = new ComposeTypesetter(new FontRegistry(nodeFontLoader, meta.house.fonts), meta.styles, meta.house);
  await ts.prepare(meta, stories);
  result = new LayoutEngine(ts).layout(meta, stories);
  page = result.display.pages[0]!;
});

const glyphs = (): GlyphItem[] => page.items.filter((i): i is GlyphItem => i.kind === 'glyph');
const EPS = 1e-6;

describe('sample page invariants', () => {
  it('places every story of the budget, with nothing overset and no missing character', () => {
    expect(result.report.unplaced).toEqual([]);
    expect(result.report.pages[0]!.problems).toEqual([]);
    for (const s of result.report.stories) {
      expect({ id: s.storyId, overset: s.oversetChars, lines: s.oversetLines, missing: s.missing, problems: s.problems })
        .toEqual({ id: s.storyId, overset: 0, lines: 0, missing: [], problems: [] });
    }
    expect(new Set(result.report.stories.map((s) => s.storyId))).toEqual(new Set(meta.storyIds));
  });

  it('leaves no column of a text frame empty', () => {
    for (const [, t] of result.threads) {
      const used = new Set(t.placed.map((p) => `${p.slot.frameId}#${p.slot.column}`));
      for (const f of meta.pages[0]!.frames) {
        if (f.kind !== 'text' || !t.frames.some((x) => x.frameId === f.id)) continue;
        const columns = f.columns ?? f.span;
        for (let c = 0; c < columns; c++) expect(used.has(`${f.id}#${c}`), `${f.id} column ${c}`).toBe(true);
      }
    }
  });

  it('sets every body baseline on the page grid (checklist 26)', () => {
    const grid = pageGrid(meta.geometry);
    const baselines = new Set(Array.from({ length: meta.geometry.lines }, (_, k) => lineBaseline(grid, k).toFixed(6)));
    const body = glyphs().filter((g) => g.src?.field === 'body' || g.src?.field === 'caption' || g.src?.field === 'credit');
    expect(body.length).toBeGreaterThan(5000);
    for (const g of body) expect(baselines.has(g.y.toFixed(6)), `${g.text} at y=${g.y}`).toBe(true);
  });

  it('keeps every body glyph inside one of its story\'s text frames', () => {
    const boxes = new Map<string, { x: number; y: number; w: number; h: number }[]>();
    for (const f of meta.pages[0]!.frames) {
      if (f.kind !== 'text') continue;
      const b = page.frames.find((x) => x.frameId === f.id)!;
      boxes.set(f.storyId, [...(boxes.get(f.storyId) ?? []), b]);
    }
    for (const g of glyphs().filter((x) => x.src?.field === 'body')) {
      const inside = (boxes.get(g.src!.storyId) ?? []).some((b) =>
        g.x >= b.x - EPS && g.x + g.advance <= b.x + b.w + 0.5 * g.size + EPS && g.y - 0.88 * g.size >= b.y - EPS && g.y + 0.12 * g.size <= b.y + b.h + EPS);
      expect(inside, `${g.text} (${g.src!.storyId}) at ${g.x},${g.y}`).toBe(true);
    }
  });

  it('puts no glyph under a picture', () => {
    const pictures = page.items.filter((i): i is ImageItem => i.kind === 'image').map((i) => i.clip ?? i);
    expect(pictures.length).toBe(3);
    for (const g of glyphs()) {
      const top = g.y - 0.88 * g.size;
      const bottom = g.y + 0.12 * g.size;
      for (const p of pictures) {
        const overlaps = g.x < p.x + p.w - EPS && g.x + g.advance > p.x + EPS && top < p.y + p.h - EPS && bottom > p.y + EPS;
        expect(overlaps, `${g.text} under a picture`).toBe(false);
      }
    }
  });

  it('gives every photo its caption or credit and boxes the editor\'s note', () => {
    const credits = glyphs().filter((g) => g.src?.field === 'credit');
    expect(new Set(credits.map((g) => g.src!.storyId)).size).toBe(3);
    const labels = glyphs().filter((g) => g.src?.field === 'label').map((g) => g.text).join('');
    expect(labels).toContain('专题访谈');
    expect(labels).toContain('学雷锋树新风');
    const note = page.frames.find((f) => f.frameId.includes('box-bianzhean'))!;
    expect(page.items.some((i) => i.kind === 'rect' && i.stroke && Math.abs(i.x - note.x) < EPS && Math.abs(i.y - note.y) < EPS)).toBe(true);
  });

  it('carries the 报眉: page number, page name, date with weekday, desk names', () => {
    // Ideographic spaces are gaps, not glyphs: compare the ink only.
    const text = glyphs().filter((g) => g.src?.field === 'label').map((g) => g.text).join('');
    expect(text).toContain('07版');
    expect(text).toContain('太白湖新区');
    expect(text).toContain('济宁日报2024年3月8日星期五');
    expect(text).toContain('责任编辑王静版式李娜校对张强');
  });

  it('maps every glyph to its source text', () => {
    const plain = new Map([...stories].map(([id, s]) => [id, bodyPlainText(s.body)]));
    const body = glyphs().filter((x) => x.src?.field === 'body');
    for (const g of body) {
      const text = plain.get(g.src!.storyId)!.slice(g.src!.offset, g.src!.offset + g.src!.length);
      expect(text, `glyph ${g.text} at ${g.src!.storyId}:${g.src!.offset}`).toBe(g.text);
    }
    // Every character of every body is drawn exactly once (spaces are gaps, not glyphs).
    for (const [id, text] of plain) {
      const drawn = body.filter((g) => g.src!.storyId === id).reduce((n, g) => n + g.src!.length, 0);
      expect(drawn, id).toBe(text.replace(/[\n \u3000]/g, '').length);
    }
  });
});
