import type { Frame, IssueMeta, Story } from '../../model';
import { titleBandLines } from '../box';
import { LayoutEngine, type LayoutResult } from '../engine';
import { pageGrid, spanWidth } from '../grid';
import type { Typesetter } from '../typesetter';
import { blockSpecs, LEAD_HEADLINE_STYLE, type SectionInfo } from './measure';
import { planPage } from './plan';
import { pageQuality, type PageQuality } from './quality';

// Automatic page composition (yeban import --auto-layout): a first draft a layout editor can keep. Each story
// is one rectangle; the lead runs across the top under the page's largest headline; the rest stand in
// column stacks filled to the page foot. The plan is checked with the real layout: a story that oversets,
// or whose columns end short, gets its length corrected and the page is planned again.
//
// The issue passed in must already carry the lead's headline style (withLeadStyle) and the typesetter must
// have been made from those styles, so that the lead's headline is measured as it will be set.

export { planPage, chooseLead, type BlockSpec, type Plan, type PlanInput, type PhotoSpec } from './plan';
export {
  headlineLines, bodyLines, captionLines, blockSpecs, preparationIssue, withLeadStyle, LEAD_HEADLINE_STYLE, type SectionInfo,
} from './measure';
export { pageQuality, headlineSizePt, storyRects, type PageQuality, type ColumnWhite } from './quality';

export interface AutoLayoutResult {
  meta: IssueMeta;
  frames: Frame[];
  unplaced: string[];
  stacks: number[];
  /** Lines each stack leaves open at the page foot (too little copy). */
  open: number[];
  layout: LayoutResult;
  quality: PageQuality;
  /** Plans laid out before the best one was kept. */
  rounds: number;
}

const RUNNING_HEAD_LINES = 3;
const MAX_ROUNDS = 6;

export function autoLayoutPage(meta: IssueMeta, pageIndex: number, stories: readonly Story[], sections: readonly SectionInfo[], ts: Typesetter): AutoLayoutResult {
  const page = meta.pages[pageIndex];
  if (!page) throw new Error(`期刊没有第 ${pageIndex + 1} 版`);
  const g = meta.geometry;
  const grid = pageGrid(g);
  const leadStyle = meta.styles.paragraph.some((p) => p.id === LEAD_HEADLINE_STYLE) ? LEAD_HEADLINE_STYLE : undefined;
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
  const ids = stories.map((s) => s.id);
  let rounds = 0;
  let best: AutoLayoutResult | null = null;
  for (;;) {
    const blocks = blockSpecs(meta, stories, sections, ts, extra, leadStyle);
    const plan = planPage({
      columns: g.columns, lines: g.lines, top, bandLines: titleBandLines(ts), blocks,
      pictureLines: (span, aspect) => Math.round(spanWidth(grid, span) / aspect / g.pitchPt),
      ...(leadStyle ? { leadStyle } : {}),
    });
    const frames = [head, ...plan.frames];
    const next: IssueMeta = { ...meta, pages: meta.pages.map((p, i) => (i === pageIndex ? { ...p, frames } : p)) };
    const layout = engine.layout(next, all);
    rounds++;
    const quality = pageQuality(next, pageIndex, layout, ids);
    const result: AutoLayoutResult = { meta: next, frames, unplaced: plan.unplaced, stacks: plan.stacks, open: plan.open, layout, quality, rounds };
    if (!best || score(result) < score(best)) best = result;
    // The one-column measure can miss how a story breaks in its columns (a sub-head kept with its lines
    // moves to the next column): correct the story's length by what the layout found and plan again.
    let changed = false;
    for (const s of layout.report.stories) {
      if (!ids.includes(s.storyId)) continue;
      if (s.oversetLines > 0 || s.oversetChars > 0) {
        extra.set(s.storyId, (extra.get(s.storyId) ?? 0) + Math.max(1, s.oversetLines));
        changed = true;
        continue;
      }
      const excess = quality.columns.filter((c) => c.storyId === s.storyId).reduce((n, c) => n + Math.max(0, c.white - 1), 0);
      if (excess > 0) {
        extra.set(s.storyId, (extra.get(s.storyId) ?? 0) - excess);
        changed = true;
      }
    }
    if (!changed || rounds >= MAX_ROUNDS) return { ...best, rounds };
  }
}

/** Overset is worst, then text columns ending short, then white left open at the page foot. */
function score(r: AutoLayoutResult): number {
  const q = r.quality;
  return q.overset.length * 1e6 + q.columns.reduce((n, c) => n + Math.max(0, c.white - 1), 0) * 1e3 + r.open.reduce((n, o) => n + o, 0);
}
