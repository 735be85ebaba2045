import type { GlyphItem, StoryField } from '../display/types';
import type { HeadlineFrame, Story } from '../model';
import { centredBaseline } from './headline-lines';
import { columnLeft, lineTop, type PageGrid, spanWidth } from './grid';
import { placeLine } from './place';
import type { SetLine, Typesetter } from './typesetter';

/** 长体 steps tried, in percent, when a 主题 line is wider than its frame (TYPESETTING.md §5.4). */
export const CONDENSE_STEPS = [95, 90, 85, 80, 75, 70];

export interface HeadLine {
  readonly text: string;
  readonly styleId: string;
  readonly field: StoryField;
  readonly base: number;
  readonly scalable: boolean;
}

export function headLines(story: Story, mainStyle: string, parts: HeadlineFrame['parts']): HeadLine[] {
  const out: HeadLine[] = [];
  const part = (lines: readonly string[], styleId: string, field: StoryField, scalable: boolean): void => {
    let base = 0;
    for (const text of lines) {
      if (text.length > 0) out.push({ text, styleId, field, base, scalable });
      base += text.length + 1;
    }
  };
  if (parts?.kicker !== false) part(story.headline.kicker, 'kicker', 'kicker', false);
  if (parts?.main !== false) part(story.headline.main, mainStyle, 'headline', true);
  if (parts?.sub !== false) part(story.headline.sub, 'subtitle', 'subtitle', false);
  if (story.interviewByline && parts?.main !== false) out.push({ text: story.interviewByline, styleId: 'byline', field: 'byline', base: 0, scalable: false });
  return out;
}

/**
 * A headline block: 引题, 主题, 副题 and the interview byline, each line in a band of whole grid lines
 * (the style's leading in lines), the block centred vertically in its frame on whole lines. A 主题 line too
 * wide for the frame is condensed (长体) step by step; the frame's own scale is the starting point.
 */
export function headlineBlock(grid: PageGrid, frame: HeadlineFrame, story: Story, ts: Typesetter, insetChars: number): { glyphs: GlyphItem[]; problems: string[] } {
  const lines = headLines(story, frame.style ?? 'headline', frame.parts);
  const problems: string[] = [];
  const bands = lines.map((l) => Math.max(1, ts.styleLines(l.styleId)));
  const need = bands.reduce((a, b) => a + b, 0);
  if (need > frame.lines) problems.push(`标题需要${need}行，标题框只有${frame.lines}行`);
  const width = spanWidth(grid, frame.span) - 2 * insetChars * grid.em;
  const left = columnLeft(grid, frame.col) + insetChars * grid.em;
  let k = frame.line + Math.max(0, Math.floor((frame.lines - need) / 2));
  const glyphs: GlyphItem[] = [];
  const align = frame.align === 'start' ? 'start' : 'center';
  lines.forEach((l, i) => {
    const band = bands[i]!;
    let set: SetLine | undefined;
    if (l.scalable) {
      set = ts.setText(l.text, l.styleId, width, { align, scaleX: frame.scaleX, noBreak: true })[0];
      if (set && set.width > width + 1e-6) {
        // Advances scale with 长体, so no step above width / natural width can fit: start at the first below it.
        const most = (frame.scaleX * width) / set.width;
        const below = CONDENSE_STEPS.filter((s) => s < frame.scaleX);
        const steps = below.filter((s) => s <= most + 1e-9);
        // Too wide even at the narrowest step: set it there (the least overflow) and report it below.
        for (const scale of steps.length > 0 ? steps : below.slice(-1)) {
          set = ts.setText(l.text, l.styleId, width, { align, scaleX: scale, noBreak: true })[0];
          if (!set || set.width <= width + 1e-6) break;
        }
      }
    } else {
      set = ts.setText(l.text, l.styleId, width, { align, noBreak: true })[0];
    }
    if (set && set.width > width + 1e-6) problems.push(`标题行“${l.text}”比标题框宽`);
    if (set) {
      const baseline = centredBaseline(lineTop(grid, k), band, grid.pitch, grid.em, set.size);
      glyphs.push(...placeLine(set, left, baseline, { storyId: story.id, field: l.field, base: l.base }));
    }
    k += band;
  });
  return { glyphs, problems };
}
