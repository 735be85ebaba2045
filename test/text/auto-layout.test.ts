import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src/core/fonts';
import {
  autoLayoutPage, type AutoLayoutResult, type BlockSpec, planPage, preparationIssue, storyRects, withLeadStyle,
} from '../../src/core/layout/auto/index';
import { ComposeTypesetter } from '../../src/core/layout/compose-typesetter';
import { DEFAULT_STYLES, type Frame, type IssueMeta } from '../../src/core/model';
import { importText } from '../../src/core/text/index';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { openIssue } from '../../src/main/store/index';
import { ASCII, INTERVIEW, NOTE, PDF, PHOTOS, SAMPLE_ISSUE, WIRE, samplePage } from './fixtures';

type Box = { col: number; span: number; line: number; lines: number };

const overlaps = (a: Box, b: Box): boolean =>
  a.col < b.col + b.span && b.col < a.col + a.span && a.line < b.line + b.lines && b.line < a.line + a.lines;

/** Rules of a first draft that hold whatever the copy: inside the page, blocks apart, the lead on top and widest. */
function expectBlocks(frames: readonly Frame[], columns: number, lines: number, top: number): void {
  for (const f of frames) {
    expect(f.col + f.span, f.id).toBeLessThanOrEqual(columns);
    expect(f.line + f.lines, f.id).toBeLessThanOrEqual(lines);
    expect(f.lines, f.id).toBeGreaterThanOrEqual(1);
  }
  const rects = [...storyRects(frames).entries()];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]![1], rects[j]![1]), `${rects[i]![0]} / ${rects[j]![0]}`).toBe(false);
  }
  const heads = frames.filter((f) => f.kind === 'headline');
  const lead = heads[0]!;
  expect(lead.line).toBe(top);
  for (const h of heads.slice(1)) expect(h.span, `${h.id} as wide as the lead`).toBeLessThan(lead.span);
}

/** Page columns (below the running head) that no story block, strip or rule covers, per column. */
function uncoveredPerColumn(frames: readonly Frame[], columns: number, lines: number, top: number): number[] {
  const areas: Box[] = [...storyRects(frames).values(), ...frames.filter((f) => f.kind === 'box' || (f.kind === 'rule' && f.orientation === 'horizontal'))];
  return Array.from({ length: columns }, (_, c) => {
    let n = 0;
    for (let k = top; k < lines; k++) if (!areas.some((a) => c >= a.col && c < a.col + a.span && k >= a.line && k < a.line + a.lines)) n++;
    return n;
  });
}

describe('planPage (pure arithmetic)', () => {
  const block = (id: string, textLines: number, extra: Partial<BlockSpec> = {}): BlockSpec => ({ storyId: id, headLines: 4, minSpan: 2, textLines, photoStory: false, photos: [], lead: { headLines: 5, minSpan: 4 }, ...extra });
  const input = (blocks: BlockSpec[]) => ({ columns: 8, lines: 123, top: 3, bandLines: 2, pictureLines: (span: number, aspect: number) => Math.round((span * 14 - 1) * 9 / aspect / 11.25), blocks, leadStyle: 'leadHeadline' });

  it('puts the lead on top in the lead style, fills every column and keeps blocks apart', () => {
    const blocks = [block('a', 66), block('b', 42), block('c', 39), block('d', 45), block('e', 30), block('f', 57, { photos: [{ index: 0, captionLines: () => 1 }] }),
      block('g', 0, { photoStory: true, photos: [{ index: 0, captionLines: () => 5 }] }), block('h', 70), block('i', 41)];
    const plan = planPage(input(blocks));
    expect(plan.unplaced).toEqual([]);
    expectBlocks(plan.frames, 8, 123, 3);
    for (const n of uncoveredPerColumn(plan.frames, 8, 123, 3)) expect(n).toBeLessThanOrEqual(1);
    const lead = plan.frames.find((f) => f.kind === 'headline')!;
    expect(lead.id).toBe('auto-a-headline');
    expect(lead.kind === 'headline' && lead.style).toBe('leadHeadline');
    expect(plan.frames.filter((f) => f.kind === 'headline' && f.style)).toHaveLength(1);
  });

  it('sets a story in level columns: the last columns one line shorter, as a second threaded frame', () => {
    const plan = planPage(input([block('a', 66), block('b', 40), block('c', 41)]));
    for (const id of ['a', 'b', 'c']) {
      const text = plan.frames.filter((f) => f.kind === 'text' && f.storyId === id);
      const lines = { a: 66, b: 40, c: 41 }[id]!;
      const capacity = text.reduce((n, f) => n + f.span * f.lines, 0);
      // Every column holds text to its foot: the capacity is exactly the story's length.
      expect(capacity, id).toBe(lines);
      if (text.length === 2) {
        expect(text[1]!.lines).toBe(text[0]!.lines - 1);
        expect(text[1]!.col).toBe(text[0]!.col + text[0]!.span);
      }
    }
  });

  it('leaves the end of the budget for another page when the copy is too long', () => {
    const plan = planPage(input(Array.from({ length: 8 }, (_, i) => block(`s${i}`, 200))));
    expect(plan.unplaced.length).toBeGreaterThan(0);
    expect(plan.unplaced.at(-1)).toBe('s7');
    expectBlocks(plan.frames, 8, 123, 3);
  });

  it('keeps a headline out of stacks narrower than it needs', () => {
    const plan = planPage(input([block('a', 60), block('wide', 40, { minSpan: 4 }), block('c', 40), block('d', 40)]));
    const wide = plan.frames.find((f) => f.id === 'auto-wide-headline')!;
    expect(wide.span).toBeGreaterThanOrEqual(4);
  });

  it('gives a sub-headed story columns deep enough for a sub-head and its kept lines', () => {
    const plan = planPage(input([block('a', 60), block('sub', 9, { minColumnLines: 3 }), block('c', 40), block('d', 40)]));
    for (const f of plan.frames.filter((x) => x.kind === 'text' && x.storyId === 'sub')) expect(f.lines).toBeGreaterThanOrEqual(3);
  });
});

/** Constructed reports (exported for ad-hoc runs over more seeds): a headline, a dateline and paragraphs cut from the sample page's own sentences. */
export function constructedCopy(seed: number, stories: number, scale: number): string {
  const sentences = samplePage().split(/\n+/).filter((l) => l.length > 60).flatMap((l) => l.split(/(?<=。)/)).filter((s) => s.length > 10);
  let x = seed;
  const rand = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const heads = ['全区春耕生产有序推进', '重点项目建设跑出加速度', '社区服务提质增效', '营商环境持续优化', '文明实践活动走深走实', '乡村振兴迈出新步伐', '安全生产形势总体平稳', '就业服务送到家门口', '民生实事件件落地', '干部作风持续转变'];
  const out: string[] = [];
  for (let i = 0; i < stories; i++) {
    const paras: string[] = [];
    const n = 1 + Math.floor(rand() * 4 * scale);
    for (let p = 0; p < n; p++) {
      let para = '';
      const len = 2 + Math.floor(rand() * 5);
      for (let k = 0; k < len; k++) para += sentences[Math.floor(rand() * sentences.length)]!;
      paras.push(para);
    }
    paras[0] = `本报济宁讯(通讯员 李${'明华军红'[i % 4]})${paras[0]}`;
    if (i % 4 === 2) paras.push('■通讯员 王强 摄');
    out.push(`${heads[i % heads.length]}\n\n${paras.join('\n\n')}`);
  }
  return out.join('\n\n\n');
}

describe('autoLayoutPage with the real composer', () => {
  let meta: IssueMeta;
  let fonts: FontRegistry;

  beforeAll(async () => {
    const opened = await openIssue(path.resolve(SAMPLE_ISSUE), { readOnly: true });
    meta = withLeadStyle({ ...opened.meta, storyIds: [], assets: [], pages: opened.meta.pages.map((p) => ({ ...p, frames: [] })) });
    fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  });

  async function compose(text: string): Promise<{ laid: AutoLayoutResult; ids: string[] }> {
    const r = importText(text);
    const target = { ...meta, storyIds: r.stories.map((s) => s.id) };
    const ts = new ComposeTypesetter(fonts, target.styles, target.house);
    await ts.prepare(preparationIssue(target, r.stories, r.sections), new Map(r.stories.map((s) => [s.id, s])));
    return { laid: autoLayoutPage(target, 0, r.stories, r.sections, ts), ids: r.stories.map((s) => s.id) };
  }

  /** What a layout editor checks on any draft: the lead's headline, level columns, no overset, no empty column. */
  function expectFirstDraft(laid: AutoLayoutResult): void {
    const g = meta.geometry;
    expectBlocks(laid.frames, g.columns, g.lines, 3);
    const q = laid.quality;
    const [lead, ...others] = q.headlines;
    expect(lead).toBeDefined();
    for (const h of others) {
      expect(h.sizePt, `${h.storyId} headline as large as the lead's`).toBeLessThan(lead!.sizePt);
      expect(h.span, `${h.storyId} headline as wide as the lead's`).toBeLessThan(lead!.span);
    }
    for (const c of q.columns) expect(c.white, `${c.frameId} column ${c.col} ends ${c.white} lines short`).toBeLessThanOrEqual(1);
    expect(q.overset).toEqual([]);
    expect(q.emptyColumns).toEqual([]);
    expect(q.uncovered).toEqual(uncoveredPerColumn(laid.frames, g.columns, g.lines, 3));
  }

  /** With copy enough for the page, nothing is left uncovered either (a line at a column's foot at most). */
  function expectFilled(laid: AutoLayoutResult): void {
    for (const n of laid.quality.uncovered) expect(n).toBeLessThanOrEqual(1);
    expect(laid.open.every((n) => n <= 1)).toBe(true);
  }

  it('composes the sample page as a first draft: everything placed, lead largest, columns level, page full', async () => {
    const { laid, ids } = await compose(samplePage());
    expect(laid.unplaced).toEqual([]);
    expectFirstDraft(laid);
    expectFilled(laid);
    expect(laid.layout.report.stories.map((f) => f.storyId).sort()).toEqual([...ids].sort());
    expect(laid.quality.headlines[0]!.storyId).toBe(ids[0]);
    expect(laid.quality.headlines[0]!.sizePt).toBe(36);
    // Photos awaiting their pictures get frames beside (or as) their stories.
    expect(laid.frames.filter((f) => f.kind === 'image')).toHaveLength(3);
    expect(laid.frames.filter((f) => f.kind === 'box').map((f) => (f as { title: string }).title)).toEqual(
      expect.arrayContaining(['学雷锋树新风', '“三争四敢”抓落实\u3000乘势而上再突破·专题访谈']),
    );
  });

  it('takes what fits from more copy than a page holds and leaves the end of the budget for another page', async () => {
    const { laid, ids } = await compose(`${samplePage()}\n\n\n${constructedCopy(7, 8, 1.5)}`);
    expect(laid.unplaced.length).toBeGreaterThan(0);
    expect(laid.unplaced.at(-1)).toBe(ids.at(-1));
    expectFirstDraft(laid);
    expectFilled(laid);
  });

  for (const seed of [1, 2, 5, 6]) {
    it(`composes constructed copy about a page long (seed ${seed})`, async () => {
      const { laid } = await compose(constructedCopy(seed, 11, 1.6));
      expectFirstDraft(laid);
      expectFilled(laid);
    });
  }

  it('sets too little copy at the top and says how much of the page stays open, not in giant headlines', async () => {
    const { laid } = await compose(PDF);
    expect(laid.unplaced).toEqual([]);
    expectFirstDraft(laid);
    for (const h of laid.frames.filter((f) => f.kind === 'headline')) expect(h.lines, h.id).toBeLessThanOrEqual(5 + 4);
    expect(laid.open.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    // The open lines are the page's foot: exactly what the stacks report.
    expect(Math.max(...laid.quality.uncovered)).toBeGreaterThan(50);
  });

  it('composes wire copy, an interview, photo stories, ASCII copy and a column with an editor’s note', async () => {
    const { laid } = await compose([WIRE, INTERVIEW, PHOTOS, ASCII, NOTE].join('\n\n\n'));
    expect(laid.unplaced).toEqual([]);
    expectFirstDraft(laid);
  });
});

describe('withLeadStyle', () => {
  it('adds the lead headline style to an issue made before it existed, larger than the 主题', () => {
    const old = { styles: DEFAULT_STYLES } as IssueMeta;
    const added = withLeadStyle(old);
    const lead = added.styles.paragraph.find((p) => p.id === 'leadHeadline')!;
    expect(lead.name).toBe('头条主题');
    expect(lead.size).toEqual({ hao: '小初' });
    expect(lead.role).toBe(DEFAULT_STYLES.paragraph.find((p) => p.id === 'headline')!.role);
    expect(withLeadStyle(added)).toBe(added);
  });
});
