import { spanChars, type Frame, type HeadlineFrame, type ImageFrame, type IssueMeta, type TextFrame } from '../../../core/model';
import { EditRefused, findFrame, renumber, threadOf } from './frame-ops';

// The frame properties panel's edits, pure IssueMeta → IssueMeta like the other frame edits (frame-ops.ts):
// a text frame's columns and whether it wraps, a picture's fit and text wrap, which parts a headline block shows, and where a
// text frame stands in its story's thread. Each refuses, in Chinese, what the page could not set.

/** Narrower than this a column cannot hold a line of Chinese with its punctuation (the house's minimum fragment). */
export const MIN_COLUMN_CHARS = 4;
/** The model's bounds for a picture's standoff (characters, lines). */
export const MAX_STANDOFF = 5;

export type TextProps = Pick<TextFrame, 'columns'>;
export type ImageProps = Pick<ImageFrame, 'fit' | 'standoffChars' | 'standoffLines'> & { wrap: boolean };
export type HeadlineParts = NonNullable<HeadlineFrame['parts']>;

const ALL_PARTS: HeadlineParts = { kicker: true, main: true, sub: true };

/** What a headline block shows: all parts unless the frame says otherwise. */
export const partsOf = (f: HeadlineFrame): HeadlineParts => f.parts ?? ALL_PARTS;
/** Whether a picture pushes text aside: on unless the frame says otherwise. */
export const wrapsText = (f: ImageFrame): boolean => f.wrap !== false;

function replaceFrame<K extends Frame['kind']>(meta: IssueMeta, pageId: string, frameId: string, kind: K, edit: (f: Extract<Frame, { kind: K }>) => Frame): IssueMeta {
  const frame = findFrame(meta, pageId, frameId);
  if (frame.kind !== kind) throw new EditRefused(`框 ${frameId} 不是${KIND_NAMES[kind]}`);
  const next = edit(frame as Extract<Frame, { kind: K }>);
  // Nothing changed: the same meta, which the desk takes as "no edit" (nothing saved, nothing to undo).
  if (next === frame) return meta;
  return { ...meta, pages: meta.pages.map((p) => (p.id === pageId ? { ...p, frames: p.frames.map((f) => (f.id === frameId ? next : f)) } : p)) };
}

const KIND_NAMES: Record<Frame['kind'], string> = { text: '文字框', headline: '标题框', image: '图片框', rule: '线条', box: '方框', runningHead: '报眉' };

/** The most columns a text frame of `span` basic columns can be divided into. */
export function maxColumns(meta: Pick<IssueMeta, 'geometry'>, span: number): number {
  const g = meta.geometry;
  let m = 1;
  while (m < 20 && Math.floor((spanChars(g, span) - m * g.gutterChars) / (m + 1)) >= MIN_COLUMN_CHARS) m++;
  return m;
}

/** Columns inside a text frame: null = one per basic column spanned, otherwise a re-division (破栏). */
export function setTextColumns(meta: IssueMeta, pageId: string, frameId: string, columns: number | null): IssueMeta {
  return replaceFrame(meta, pageId, frameId, 'text', (f) => {
    if (columns !== null) {
      if (!Number.isInteger(columns) || columns < 1) throw new EditRefused(`栏数「${columns}」无效：应为正整数`);
      const most = maxColumns(meta, f.span);
      if (columns > most) throw new EditRefused(`这个框宽 ${f.span} 栏，最多分 ${most} 栏（每栏至少 ${MIN_COLUMN_CHARS} 字）`);
    }
    const next = columns === f.span ? null : columns;
    return next === f.columns ? f : { ...f, columns: next };
  });
}

/** Whether a text frame's text wraps around the page's pictures and headline blocks (off: it runs across them). */
export function setTextWrap(meta: IssueMeta, pageId: string, frameId: string, wrap: boolean): IssueMeta {
  return replaceFrame(meta, pageId, frameId, 'text', (f) => {
    if (wrap === (f.wrap !== false)) return f;
    const next: TextFrame = { ...f };
    // On is the default: the key is written only when wrap is off, so files stay as they were.
    if (wrap) delete next.wrap;
    else next.wrap = false;
    return next;
  });
}

/** A picture's fit (fill crops, fit shows it whole), text wrap on or off, and its standoff. */
export function setImageProps(meta: IssueMeta, pageId: string, frameId: string, patch: Partial<ImageProps>): IssueMeta {
  return replaceFrame(meta, pageId, frameId, 'image', (f) => {
    const chars = patch.standoffChars ?? f.standoffChars;
    const lines = patch.standoffLines ?? f.standoffLines;
    if (!Number.isInteger(chars) || chars < 0 || chars > MAX_STANDOFF) throw new EditRefused(`左右间距「${chars}」无效：应为 0–${MAX_STANDOFF} 字`);
    if (!Number.isInteger(lines) || lines < 0 || lines > MAX_STANDOFF) throw new EditRefused(`上下间距「${lines}」无效：应为 0–${MAX_STANDOFF} 行`);
    const wrap = patch.wrap ?? wrapsText(f);
    const next: ImageFrame = { ...f, fit: patch.fit ?? f.fit, standoffChars: chars, standoffLines: lines };
    // On is the default: the key is written only when wrap is off, so files stay as they were.
    if (wrap) delete next.wrap;
    else next.wrap = false;
    return JSON.stringify(next) === JSON.stringify(f) ? f : next;
  });
}

/** Which of 引题/主题/副题 a headline block shows; at least one. */
export function setHeadlineParts(meta: IssueMeta, pageId: string, frameId: string, patch: Partial<HeadlineParts>): IssueMeta {
  return replaceFrame(meta, pageId, frameId, 'headline', (f) => {
    const parts = { ...partsOf(f), ...patch };
    if (!parts.kicker && !parts.main && !parts.sub) throw new EditRefused('标题框至少要显示引题、主题、副题中的一项');
    const next: HeadlineFrame = { ...f, parts };
    if (parts.kicker && parts.main && parts.sub) delete next.parts;
    return JSON.stringify(next) === JSON.stringify(f) ? f : next;
  });
}

/** 横排 or 竖排 (a side headline set in columns, top to bottom). */
export function setHeadlineOrientation(meta: IssueMeta, pageId: string, frameId: string, orientation: 'horizontal' | 'vertical'): IssueMeta {
  return replaceFrame(meta, pageId, frameId, 'headline', (f) => {
    if ((f.orientation ?? 'horizontal') === orientation) return f;
    const next: HeadlineFrame = { ...f, orientation };
    if (orientation === 'horizontal') delete next.orientation;
    return next;
  });
}

/** Where a text frame stands in its story's thread: 1-based position and the thread's length. */
export function threadPosition(meta: IssueMeta, pageId: string, frameId: string): { at: number; of: number } | null {
  const f = findFrame(meta, pageId, frameId);
  if (f.kind !== 'text') return null;
  const thread = threadOf(meta, f.storyId);
  return { at: thread.findIndex((l) => l.pageId === pageId && l.frameId === frameId) + 1, of: thread.length };
}

/** Moves a text frame one place earlier (-1) or later (+1) in its story's thread: the text flows in the new order. */
export function moveInThread(meta: IssueMeta, pageId: string, frameId: string, step: -1 | 1): IssueMeta {
  const f = findFrame(meta, pageId, frameId);
  if (f.kind !== 'text') throw new EditRefused('只有文字框在续排中');
  const thread = threadOf(meta, f.storyId);
  const i = thread.findIndex((l) => l.pageId === pageId && l.frameId === frameId);
  const j = i + step;
  if (j < 0) throw new EditRefused('已是续排的第一个框');
  if (j >= thread.length) throw new EditRefused('已是续排的最后一个框');
  const order = [...thread];
  [order[i], order[j]] = [order[j]!, order[i]!];
  return renumber(meta, f.storyId, order);
}
