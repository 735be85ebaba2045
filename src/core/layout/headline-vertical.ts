import type { GlyphItem } from '../display/types';
import type { HeadlineFrame, Story } from '../model';
import { CONDENSE_STEPS, headLines } from './headline';
import { gridRect, type PageGrid } from './grid';
import type { Typesetter } from './typesetter';
import type { VerticalLine } from './vertical-set';

/**
 * Grid lines a vertical headline needs: its longest column plus one headline-size character of white at the
 * top and at the bottom (NEWSCALC1, TYPESETTING.md §6.3), on whole lines: n lines are (n − 1) pitches plus
 * one body em box high.
 */
export function verticalHeadlineLines(pitch: number, em: number, columnPt: number, whitePt: number): number {
  return Math.max(1, Math.ceil((columnPt + 2 * whitePt - em) / pitch - 1e-9) + 1);
}

/**
 * A vertical headline block (竖题): every headline line is a column read top to bottom, the columns right to
 * left (引题, 主题, 副题, byline), one body character apart, the group centred across the frame (or set
 * against its right edge for align 'start'). Each column is centred in the frame's height (or starts one
 * character of white below its top for 'start'). A 主题 column too long for the frame is condensed along
 * the column step by step, as 长体 does for a horizontal one.
 */
export function verticalHeadlineBlock(grid: PageGrid, frame: HeadlineFrame, story: Story, ts: Typesetter, insetChars: number): { glyphs: GlyphItem[]; problems: string[] } {
  const lines = headLines(story, frame.style ?? 'headline', frame.parts);
  const problems: string[] = [];
  const rect = gridRect(grid, frame);
  const left = rect.x + insetChars * grid.em;
  const width = rect.w - 2 * insetChars * grid.em;
  const sets: VerticalLine[] = lines.map((l) => ts.setVertical(l.text, l.styleId));
  const white = Math.max(0, ...sets.map((s) => s.size));
  const room = rect.h - 2 * white;
  lines.forEach((l, i) => {
    let set = sets[i]!;
    if (l.scalable) {
      for (const scale of CONDENSE_STEPS) {
        if (set.height <= room + 1e-6) break;
        set = ts.setVertical(l.text, l.styleId, { scaleY: scale });
      }
    }
    if (set.height > room + 1e-6) problems.push(`竖排标题“${l.text}”比标题框长`);
    sets[i] = set;
  });
  const longest = Math.max(0, ...sets.map((s) => s.height));
  const need = verticalHeadlineLines(grid.pitch, grid.em, longest, white);
  if (need > frame.lines) problems.push(`竖排标题需要${need}行，标题框只有${frame.lines}行`);
  const widths = sets.map((s) => s.width);
  const total = widths.reduce((a, b) => a + b, 0) + Math.max(0, sets.length - 1) * grid.em;
  if (total > width + 1e-6) problems.push(`竖排标题共${sets.length}列，比标题框宽`);
  // Columns run right to left from here: the group's right edge.
  let right = frame.align === 'start' ? left + width : left + width - Math.max(0, (width - total) / 2);
  const glyphs: GlyphItem[] = [];
  sets.forEach((set, i) => {
    const l = lines[i]!;
    const centre = right - widths[i]! / 2;
    const top = frame.align === 'start' ? rect.y + white : rect.y + (rect.h - set.height) / 2;
    for (const g of set.glyphs) {
      glyphs.push({ ...g, x: centre + g.x, y: top + g.y, src: { storyId: story.id, field: l.field, offset: l.base + (g.src?.offset ?? 0), length: g.src?.length ?? g.text.length } });
    }
    right -= widths[i]! + grid.em;
  });
  return { glyphs, problems };
}

