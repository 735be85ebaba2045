import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src/core/fonts';
import { autoLayoutPage, type AutoLayoutResult, type BlockSpec, planPage, preparationIssue } from '../../src/core/layout/auto/index';
import { ComposeTypesetter } from '../../src/core/layout/compose-typesetter';
import { type Frame, type IssueMeta } from '../../src/core/model';
import { importText } from '../../src/core/text/index';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { openIssue } from '../../src/main/store/index';
import { PDF, SAMPLE_ISSUE, samplePage } from './fixtures';

type Box = { col: number; span: number; line: number; lines: number };

const overlaps = (a: Box, b: Box): boolean =>
  a.col < b.col + b.span && b.col < a.col + a.span && a.line < b.line + b.lines && b.line < a.line + a.lines;

/** The rectangle each story occupies on the page (its section strip belongs to the page, not the story). */
function storyRects(frames: readonly Frame[]): Map<string, Box> {
  const rects = new Map<string, Box>();
  for (const f of frames) {
    if (!('storyId' in f) || !f.storyId) continue;
    const r = rects.get(f.storyId);
    if (!r) {
      rects.set(f.storyId, { col: f.col, span: f.span, line: f.line, lines: f.lines });
      continue;
    }
    const col = Math.min(r.col, f.col);
    const line = Math.min(r.line, f.line);
    rects.set(f.storyId, {
      col, line, span: Math.max(r.col + r.span, f.col + f.span) - col, lines: Math.max(r.line + r.lines, f.line + f.lines) - line,
    });
  }
  return rects;
}

function expectFirstDraftRules(frames: readonly Frame[], columns: number, lines: number, top: number): void {
  for (const f of frames) {
    expect(f.col + f.span, f.id).toBeLessThanOrEqual(columns);
    expect(f.line + f.lines, f.id).toBeLessThanOrEqual(lines);
  }
  const rects = [...storyRects(frames).entries()];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]![1], rects[j]![1]), `${rects[i]![0]} / ${rects[j]![0]}`).toBe(false);
  }
  // Every column is covered by story blocks (and section strips) from the top to the foot of the page.
  for (let c = 0; c < columns; c++) {
    const covered = new Set<number>();
    for (const f of frames) {
      if ((f.kind === 'rule' && f.orientation === 'vertical') || f.kind === 'runningHead' || c < f.col || c >= f.col + f.span) continue;
      for (let k = f.line; k < f.line + f.lines; k++) covered.add(k);
    }
    const missing = Array.from({ length: lines - top }, (_, i) => top + i).filter((k) => !covered.has(k));
    expect(missing.length, `column ${c} uncovered lines ${missing.join(',')}`).toBeLessThanOrEqual(1);
  }
  const heads = frames.filter((f) => f.kind === 'headline');
  const lead = heads[0]!;
  expect(lead.line).toBe(top);
  expect(lead.span).toBe(Math.max(...heads.map((h) => h.span)));
}

describe('planPage (pure arithmetic)', () => {
  const block = (id: string, textLines: number, extra: Partial<BlockSpec> = {}): BlockSpec => ({ storyId: id, headLines: 4, minSpan: 2, textLines, photoStory: false, photos: [], ...extra });
  const input = (blocks: BlockSpec[]) => ({ columns: 8, lines: 123, top: 3, bandLines: 2, pictureLines: (span: number, aspect: number) => Math.round((span * 14 - 1) * 9 / aspect / 11.25), blocks });

  it('puts the lead on top, fills every column and keeps blocks apart', () => {
    const blocks = [block('a', 66), block('b', 42), block('c', 39), block('d', 45), block('e', 30), block('f', 57, { photos: [{ index: 0, captionLines: () => 1 }] }),
      block('g', 0, { photoStory: true, photos: [{ index: 0, captionLines: () => 5 }] }), block('h', 70), block('i', 41)];
    const plan = planPage(input(blocks));
    expect(plan.unplaced).toEqual([]);
    expectFirstDraftRules(plan.frames, 8, 123, 3);
    expect(plan.frames.find((f) => f.kind === 'headline')!.id).toBe('auto-a-headline');
  });

  it('leaves the end of the budget for another page when the copy is too long', () => {
    const plan = planPage(input(Array.from({ length: 8 }, (_, i) => block(`s${i}`, 200))));
    expect(plan.unplaced.length).toBeGreaterThan(0);
    expect(plan.unplaced.at(-1)).toBe('s7');
    expectFirstDraftRules(plan.frames, 8, 123, 3);
  });

  it('keeps a headline out of stacks narrower than it needs', () => {
    const plan = planPage(input([block('a', 60), block('wide', 40, { minSpan: 4 }), block('c', 40), block('d', 40)]));
    const wide = plan.frames.find((f) => f.id === 'auto-wide-headline')!;
    expect(wide.span).toBeGreaterThanOrEqual(4);
  });
});

describe('autoLayoutPage with the real composer', () => {
  let meta: IssueMeta;
  let fonts: FontRegistry;

  beforeAll(async () => {
    const opened = await openIssue(path.resolve(SAMPLE_ISSUE), { readOnly: true });
    meta = { ...opened.meta, storyIds: [], assets: [], pages: opened.meta.pages.map((p) => ({ ...p, frames: [] })) };
    fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  });

  async function compose(text: string): Promise<{ laid: AutoLayoutResult; ids: string[] }> {
    const r = importText(text);
    const target = { ...meta, storyIds: r.stories.map((s) => s.id) };
    const ts = new ComposeTypesetter(fonts, target.styles, target.house);
    await ts.prepare(preparationIssue(target, r.stories, r.sections), new Map(r.stories.map((s) => [s.id, s])));
    return { laid: autoLayoutPage(target, 0, r.stories, r.sections, ts), ids: r.stories.map((s) => s.id) };
  }

  it('composes the sample page: everything placed, nothing overset, columns filled', async () => {
    const { laid, ids } = await compose(samplePage());
    expect(laid.unplaced).toEqual([]);
    expectFirstDraftRules(laid.frames, meta.geometry.columns, meta.geometry.lines, 3);
    const fits = laid.layout.report.stories;
    expect(fits.map((f) => f.storyId).sort()).toEqual([...ids].sort());
    let white = 0;
    for (const f of fits) {
      expect(f.oversetChars, f.storyId).toBe(0);
      const span = laid.frames.find((x) => x.kind === 'text' && x.storyId === f.storyId)?.span ?? 1;
      // Columns fill column by column, so a story's last column may fall short; never by more than 3 lines a column.
      expect(f.undersetLines, `${f.storyId} white lines`).toBeLessThanOrEqual(3 * span);
      white += f.undersetLines;
    }
    // All the white left in text frames: under 2 % of the page's column-lines.
    expect(white).toBeLessThan(0.02 * meta.geometry.columns * (meta.geometry.lines - 3));
    // Photos awaiting their pictures get frames beside (or as) their stories.
    expect(laid.frames.filter((f) => f.kind === 'image')).toHaveLength(3);
    expect(laid.frames.filter((f) => f.kind === 'box').map((f) => (f as { title: string }).title)).toEqual(
      expect.arrayContaining(['学雷锋树新风', '“三争四敢”抓落实\u3000乘势而上再突破·专题访谈']),
    );
  });

  it('sets too little copy for a page at the top and leaves the rest open, not in giant headlines', async () => {
    const { laid } = await compose(PDF);
    expect(laid.unplaced).toEqual([]);
    for (const f of laid.layout.report.stories) expect(f.oversetChars).toBe(0);
    for (const h of laid.frames.filter((f) => f.kind === 'headline')) expect(h.lines, h.id).toBeLessThanOrEqual(4 + 3);
    expect(laid.layout.report.stories.reduce((n, f) => n + f.undersetLines, 0)).toBeGreaterThan(100);
  });
});
