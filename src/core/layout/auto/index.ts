import type { Frame, IssueMeta, Story } from '../../model';
import { titleBandLines } from '../box';
import { LayoutEngine, type LayoutResult } from '../engine';
import { pageGrid, spanWidth } from '../grid';
import type { Typesetter } from '../typesetter';
import { blockSpecs, type SectionInfo } from './measure';
import { planPage } from './plan';

// Automatic page composition (yeban import --auto-layout): a first draft a layout editor can keep. Each story
// is one rectangle; the lead runs across the top; the rest stand in column stacks filled to the page foot.
// The plan is checked with the real layout: a story that oversets gets the missing lines and the page is
// planned again.

export { planPage, chooseLead, type BlockSpec, type Plan, type PlanInput, type PhotoSpec } from './plan';
export { headlineLines, bodyLines, captionLines, blockSpecs, preparationIssue, type SectionInfo } from './measure';

export interface AutoLayoutResult {
  meta: IssueMeta;
  frames: Frame[];
  unplaced: string[];
  stacks: number[];
  layout: LayoutResult;
  /** Re-plans needed because the estimate was short. */
  rounds: number;
}

const RUNNING_HEAD_LINES = 3;
const MAX_ROUNDS = 6;

export function autoLayoutPage(meta: IssueMeta, pageIndex: number, stories: readonly Story[], sections: readonly SectionInfo[], ts: Typesetter): AutoLayoutResult {
  const page = meta.pages[pageIndex];
  if (!page) throw new Error(`期刊没有第 ${pageIndex + 1} 版`);
  const g = meta.geometry;
  const grid = pageGrid(g);
  const head: Frame = page.frames.find((f) => f.kind === 'runningHead') ?? { kind: 'runningHead', id: 'auto-running-head', col: 0, span: g.columns, line: 0, lines: RUNNING_HEAD_LINES };
  const top = head.line + head.lines;
  const extra = new Map<string, number>();
  const all = new Map<string, Story>();
  for (const id of meta.storyIds) {
    const s = stories.find((x) => x.id === id);
    if (s) all.set(id, s);
  }
  for (const s of stories) all.set(s.id, s);
  const engine = new LayoutEngine(ts);
  let rounds = 0;
  while (true) {
    const blocks = blockSpecs(meta, stories, sections, ts, extra);
    const plan = planPage({
      columns: g.columns, lines: g.lines, top, bandLines: titleBandLines(ts), blocks,
      pictureLines: (span, aspect) => Math.round(spanWidth(grid, span) / aspect / g.pitchPt),
    });
    const frames = [head, ...plan.frames];
    const next: IssueMeta = { ...meta, pages: meta.pages.map((p, i) => (i === pageIndex ? { ...p, frames } : p)) };
    const layout = engine.layout(next, all);
    rounds++;
    const short = layout.report.stories.filter((s) => (s.oversetLines > 0 || s.oversetChars > 0) && stories.some((x) => x.id === s.storyId));
    if (short.length === 0 || rounds >= MAX_ROUNDS) {
      return { meta: next, frames, unplaced: plan.unplaced, stacks: plan.stacks, layout, rounds };
    }
    for (const s of short) extra.set(s.storyId, (extra.get(s.storyId) ?? 0) + Math.max(1, s.oversetLines));
  }
}
