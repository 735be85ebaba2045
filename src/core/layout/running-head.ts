import type { DisplayItem } from '../display/types';
import { chineseDate, type IssueMeta, type Page, type RunningHeadFrame } from '../model';
import { centredBaseline } from './headline-lines';
import { columnLeft, lineBaseline, lineTop, linesHeight, type PageGrid, spanWidth } from './grid';
import { placeLine } from './place';
import type { Typesetter } from './typesetter';

const K = { c: 0, m: 0, y: 0, k: 1 };
const IDEO = '\u3000';

/** The 报眉's small lines: paper and date (with weekday) over the desk's names. */
export function runningHeadTexts(issue: Pick<IssueMeta, 'paper' | 'date'>, page: Pick<Page, 'editor' | 'designer' | 'proofreader'>): { dateLine: string; staffLine: string } {
  const dateLine = [issue.paper, chineseDate(issue.date).replace(' ', IDEO)].join(IDEO);
  const staff: string[] = [];
  if (page.editor) staff.push(`责任编辑${IDEO}${page.editor}`);
  if (page.designer) staff.push(`版式${IDEO}${page.designer}`);
  if (page.proofreader) staff.push(`校对${IDEO}${page.proofreader}`);
  return { dateLine, staffLine: staff.join(IDEO) };
}

/**
 * 报眉: the page number (版次) and page name (版名) large on the left, paper and date with weekday and the
 * desk's names small on the right, on the body grid; closed by a 文武线 (thick over thin) in its last line.
 */
export function runningHead(grid: PageGrid, frame: RunningHeadFrame, issue: IssueMeta, page: Page, ts: Typesetter): DisplayItem[] {
  const items: DisplayItem[] = [];
  const x = columnLeft(grid, frame.col);
  const width = spanWidth(grid, frame.span);
  const textLines = Math.max(1, frame.lines - 1); // the last line holds the rule
  const src = { storyId: '', field: 'label' as const };

  const [num] = ts.setText(`${page.number}版`, 'banner', width / 4, { align: 'start', noBreak: true });
  let left = x;
  if (num) {
    items.push(...placeLine(num, left, centredBaseline(lineTop(grid, frame.line), textLines, grid.pitch, grid.em, num.size), src));
    left += num.width + 2 * grid.em;
  }
  if (page.name) {
    const [name] = ts.setText(page.name, 'kicker', width / 2, { align: 'start', noBreak: true });
    if (name) items.push(...placeLine(name, left, centredBaseline(lineTop(grid, frame.line), textLines, grid.pitch, grid.em, name.size), src));
  }
  const { dateLine, staffLine } = runningHeadTexts(issue, page);
  const small = [dateLine, staffLine].filter((s) => s.length > 0);
  small.forEach((text, i) => {
    const k = frame.line + Math.max(0, textLines - small.length) + i;
    const [line] = ts.setText(text, 'runninghead', width / 2, { align: 'end', noBreak: true });
    if (line) items.push(...placeLine(line, x + width / 2, lineBaseline(grid, k), src));
  });

  const ruleLine = frame.line + frame.lines - 1;
  const mid = lineTop(grid, ruleLine) + linesHeight(grid, 1) / 2;
  items.push({ kind: 'rule', x1: x, y1: mid - 1.2, x2: x + width, y2: mid - 1.2, width: 1.5, style: 'solid', color: K });
  items.push({ kind: 'rule', x1: x, y1: mid + 1.05, x2: x + width, y2: mid + 1.05, width: 0.4, style: 'solid', color: K });
  return items;
}
