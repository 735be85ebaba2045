import {
  IssueSchema, type Frame, type FrameKind, type Geometry, type IssueMeta, type Page, type TextFrame,
} from '../../../core/model';
import { gridProblem, pageGrid, type GridCoords } from '../../../core/layout';
import { rectAt } from './snap';

// Every frame and page edit of the layout desk, as a pure function IssueMeta → IssueMeta. The desk runs
// one, checks the result with `checkMeta` (the model's own schema plus the grid), lays the page out again
// from it and saves it; undo keeps the pages before. A function that cannot do what it is asked throws
// EditRefused with the reason in Chinese, which the desk shows as it is.

export class EditRefused extends Error {}

/** Frame kinds a layout editor draws by hand (the running head comes with the page). */
export const DRAWABLE_KINDS = ['text', 'headline', 'image', 'rule', 'box'] as const;
export type DrawableKind = (typeof DRAWABLE_KINDS)[number];

function pageOf(meta: IssueMeta, pageId: string): Page {
  const page = meta.pages.find((p) => p.id === pageId);
  if (!page) throw new EditRefused(`找不到版面 ${pageId}`);
  return page;
}

function withPage(meta: IssueMeta, pageId: string, edit: (page: Page) => Page): IssueMeta {
  pageOf(meta, pageId);
  return { ...meta, pages: meta.pages.map((p) => (p.id === pageId ? edit(p) : p)) };
}

export function findFrame(meta: IssueMeta, pageId: string, frameId: string): Frame {
  const frame = pageOf(meta, pageId).frames.find((f) => f.id === frameId);
  if (!frame) throw new EditRefused(`版面上找不到框 ${frameId}`);
  return frame;
}

/** The story a frame belongs to, if any. */
export function storyOf(frame: Frame): string | null {
  return 'storyId' in frame && typeof frame.storyId === 'string' ? frame.storyId : null;
}

/** A frame id not used anywhere in the issue: `<kind>-<story or n>`, numbered on a clash. */
export function newFrameId(meta: IssueMeta, kind: FrameKind, storyId: string | null): string {
  const used = new Set(meta.pages.flatMap((p) => p.frames.map((f) => f.id)));
  const base = storyId ? `${kind}-${storyId}` : kind;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Moves or resizes a frame to a new grid rectangle. */
export function setFrameRect(meta: IssueMeta, pageId: string, frameId: string, rect: GridCoords): IssueMeta {
  findFrame(meta, pageId, frameId);
  return withPage(meta, pageId, (p) => ({
    ...p,
    frames: p.frames.map((f) => (f.id === frameId ? { ...f, col: rect.col, span: rect.span, line: rect.line, lines: rect.lines } : f)),
  }));
}

// ——— threads (续排)

export interface ThreadLink {
  pageId: string;
  frameId: string;
  threadIndex: number;
}

/** A story's text frames in thread order (threadIndex, then page order, then order on the page). */
export function threadOf(meta: IssueMeta, storyId: string): ThreadLink[] {
  const links: (ThreadLink & { at: number })[] = [];
  let at = 0;
  for (const p of meta.pages) {
    for (const f of p.frames) {
      at++;
      if (f.kind === 'text' && f.storyId === storyId) links.push({ pageId: p.id, frameId: f.id, threadIndex: f.threadIndex, at });
    }
  }
  return links.sort((a, b) => a.threadIndex - b.threadIndex || a.at - b.at).map(({ pageId, frameId, threadIndex }) => ({ pageId, frameId, threadIndex }));
}

/** Numbers a story's text frames 0, 1, 2 … in the given order, leaving every other frame alone. */
export function renumber(meta: IssueMeta, storyId: string, order: readonly { pageId: string; frameId: string }[]): IssueMeta {
  const index = new Map(order.map((l, i) => [`${l.pageId}\n${l.frameId}`, i]));
  return {
    ...meta,
    pages: meta.pages.map((p) => ({
      ...p,
      frames: p.frames.map((f) => {
        if (f.kind !== 'text' || f.storyId !== storyId) return f;
        const i = index.get(`${p.id}\n${f.id}`);
        return i === undefined || i === f.threadIndex ? f : { ...f, threadIndex: i };
      }),
    })),
  };
}

/**
 * Threads a frame onto the end of a story's thread: an empty box (what unthreading leaves) becomes a text
 * frame of the story, and a text frame of another story leaves that story's thread for this one.
 */
export function threadFrame(meta: IssueMeta, pageId: string, frameId: string, storyId: string): IssueMeta {
  if (!meta.storyIds.includes(storyId)) throw new EditRefused(`本期没有稿件 ${storyId}`);
  const frame = findFrame(meta, pageId, frameId);
  if (frame.kind === 'text' && frame.storyId === storyId) throw new EditRefused('此框已在这篇稿件的续排中');
  if (frame.kind !== 'text' && !(frame.kind === 'box' && frame.storyId === null && frame.title === '')) {
    throw new EditRefused('只有文字框或空框可以续排');
  }
  const previous = frame.kind === 'text' ? frame.storyId : null;
  const thread = threadOf(meta, storyId);
  const text: TextFrame = {
    id: frame.id, kind: 'text', col: frame.col, span: frame.span, line: frame.line, lines: frame.lines,
    storyId, columns: frame.kind === 'text' ? frame.columns : null, threadIndex: thread.length,
    ...(frame.kind === 'text' && frame.wrap === false ? { wrap: false } : {}),
  };
  let next = withPage(meta, pageId, (p) => ({ ...p, frames: p.frames.map((f) => (f.id === frameId ? text : f)) }));
  if (previous) next = renumber(next, previous, threadOf(next, previous));
  return next;
}

/**
 * Takes a text frame out of its story's thread: the text flows on through the other frames, and the frame
 * stays as an empty box (no stroke, nothing printed) holding its place until something is threaded into it.
 */
export function unthreadFrame(meta: IssueMeta, pageId: string, frameId: string): IssueMeta {
  const frame = findFrame(meta, pageId, frameId);
  if (frame.kind !== 'text') throw new EditRefused('只有文字框可以解除续排');
  const empty: Frame = {
    id: frame.id, kind: 'box', col: frame.col, span: frame.span, line: frame.line, lines: frame.lines,
    title: '', storyId: null, strokePt: 0, tint: null,
  };
  const next = withPage(meta, pageId, (p) => ({ ...p, frames: p.frames.map((f) => (f.id === frameId ? empty : f)) }));
  return renumber(next, frame.storyId, threadOf(next, frame.storyId));
}

/** Removes a frame; a text frame's story closes the gap in its thread. */
export function deleteFrame(meta: IssueMeta, pageId: string, frameId: string): IssueMeta {
  const frame = findFrame(meta, pageId, frameId);
  const next = withPage(meta, pageId, (p) => ({ ...p, frames: p.frames.filter((f) => f.id !== frameId) }));
  return frame.kind === 'text' ? renumber(next, frame.storyId, threadOf(next, frame.storyId)) : next;
}

// ——— new frames

export interface NewFrame {
  kind: DrawableKind;
  rect: GridCoords;
  /** The story of a text, headline or image frame. */
  storyId?: string | null;
  /** Which of the story's photos an image frame shows. */
  photoIndex?: number;
}

/** Adds a frame drawn on the grid; a text frame goes to the end of its story's thread. Returns the new id too. */
export function addFrame(meta: IssueMeta, pageId: string, spec: NewFrame): { meta: IssueMeta; frameId: string } {
  pageOf(meta, pageId);
  const { col, span, line, lines } = spec.rect;
  const storyId = spec.storyId ?? null;
  if ((spec.kind === 'text' || spec.kind === 'headline' || spec.kind === 'image') && !storyId) {
    throw new EditRefused('文字框、标题框和图片框须属于一篇稿件：请先选定稿件');
  }
  if (storyId && !meta.storyIds.includes(storyId)) throw new EditRefused(`本期没有稿件 ${storyId}`);
  const id = newFrameId(meta, spec.kind, storyId);
  const base = { id, col, span, line, lines };
  let frame: Frame;
  switch (spec.kind) {
    case 'text':
      frame = { ...base, kind: 'text', storyId: storyId!, columns: null, threadIndex: threadOf(meta, storyId!).length };
      break;
    case 'headline':
      frame = { ...base, kind: 'headline', storyId: storyId!, align: 'center', scaleX: 100 };
      break;
    case 'image':
      frame = {
        ...base, kind: 'image', storyId: storyId!, photoIndex: spec.photoIndex ?? 0, captionLines: 2,
        standoffChars: 1, standoffLines: 0, fit: 'fill',
      };
      break;
    case 'rule': {
      // A rule drawn taller than wide stands upright (栏线); otherwise it lies across (横线), one line high.
      const vertical = lines > 1 && span === 1;
      frame = {
        ...base, ...(vertical ? {} : { lines: 1 }), kind: 'rule', orientation: vertical ? 'vertical' : 'horizontal',
        weightPt: 0.5, style: 'solid', color: { c: 0, m: 0, y: 0, k: 100 },
      };
      break;
    }
    case 'box':
      frame = { ...base, kind: 'box', title: '', storyId, strokePt: 0.5, tint: null };
      break;
  }
  return { meta: withPage(meta, pageId, (p) => ({ ...p, frames: [...p.frames, frame] })), frameId: id };
}

/** Default size of a story dropped on the page: its headline block over its text, in whole grid units. */
export const PLACED_SPAN = 3;
export const PLACED_HEAD_LINES = 6;
export const PLACED_BODY_LINES = 20;

/**
 * A story dragged from the budget onto the page: a headline block at the drop cell and a text frame under it,
 * threaded after any frames the story already has. Both are kept inside the type area.
 */
export function placeStory(meta: IssueMeta, pageId: string, storyId: string, col: number, line: number): { meta: IssueMeta; frameIds: string[] } {
  const g: Geometry = meta.geometry;
  const block = rectAt(g, col, line, PLACED_SPAN, PLACED_HEAD_LINES + PLACED_BODY_LINES);
  const head = PLACED_HEAD_LINES;
  const a = addFrame(meta, pageId, { kind: 'headline', storyId, rect: { col: block.col, span: block.span, line: block.line, lines: head } });
  const b = addFrame(a.meta, pageId, { kind: 'text', storyId, rect: { col: block.col, span: block.span, line: block.line + head, lines: block.lines - head } });
  return { meta: b.meta, frameIds: [a.frameId, b.frameId] };
}

// ——— pages (版面计划)

export type PageProps = Pick<Page, 'number' | 'name' | 'editor' | 'designer' | 'proofreader'>;

/** The next 版次 after the last one: same letter prefix and width (`07` → `08`, `A03` → `A04`). */
export function nextPageNumber(meta: IssueMeta): string {
  const used = new Set(meta.pages.map((p) => p.number));
  const last = meta.pages.at(-1)?.number ?? '00';
  const m = /^(\D*)(\d+)$/.exec(last);
  const prefix = m ? m[1]! : '';
  const width = m ? m[2]!.length : 2;
  let n = m ? Number(m[2]) + 1 : meta.pages.length + 1;
  for (;;) {
    const candidate = `${prefix}${String(n).padStart(width, '0')}`;
    if (!used.has(candidate) && candidate.length <= 8) return candidate;
    n++;
  }
}

/** Adds an empty page after `afterIndex` (at the end when omitted), with the issue's running head. */
export function addPage(meta: IssueMeta, afterIndex = meta.pages.length - 1): { meta: IssueMeta; pageId: string } {
  const used = new Set(meta.pages.map((p) => p.id));
  let n = meta.pages.length + 1;
  while (used.has(`page-${n}`)) n++;
  const id = `page-${n}`;
  // The running head sits where the other pages have it, so a new page matches the issue.
  const head = meta.pages.flatMap((p) => p.frames).find((f) => f.kind === 'runningHead');
  const page: Page = {
    id, number: nextPageNumber(meta), name: '', editor: '', designer: '', proofreader: '',
    frames: head ? [{ ...head, id: newFrameId(meta, 'runningHead', null) }] : [],
  };
  const at = Math.max(0, Math.min(meta.pages.length, afterIndex + 1));
  return { meta: { ...meta, pages: [...meta.pages.slice(0, at), page, ...meta.pages.slice(at)] }, pageId: id };
}

/** Removes a page and its frames (the stories stay in the budget). */
export function removePage(meta: IssueMeta, pageId: string): IssueMeta {
  pageOf(meta, pageId);
  const removed = pageOf(meta, pageId);
  let next: IssueMeta = { ...meta, pages: meta.pages.filter((p) => p.id !== pageId) };
  const stories = new Set(removed.frames.filter((f) => f.kind === 'text').map((f) => (f as TextFrame).storyId));
  for (const s of stories) next = renumber(next, s, threadOf(next, s));
  return next;
}

/** Moves the page at `from` to position `to` (both from 0). */
export function movePage(meta: IssueMeta, from: number, to: number): IssueMeta {
  if (from < 0 || from >= meta.pages.length) throw new EditRefused(`没有第 ${from + 1} 个版面`);
  const target = Math.max(0, Math.min(meta.pages.length - 1, to));
  if (target === from) return meta;
  const pages = [...meta.pages];
  const [page] = pages.splice(from, 1);
  pages.splice(target, 0, page!);
  return { ...meta, pages };
}

/** Sets a page's 版次, 版名, 责任编辑, 版式 and 校对. */
export function updatePage(meta: IssueMeta, pageId: string, props: PageProps): IssueMeta {
  const number = props.number.trim();
  if (number === '') throw new EditRefused('版次不能为空');
  if (number.length > 8) throw new EditRefused('版次最多 8 个字符');
  if (meta.pages.some((p) => p.id !== pageId && p.number === number)) throw new EditRefused(`已有第 ${number} 版`);
  return withPage(meta, pageId, (p) => ({
    ...p, number, name: props.name.trim(), editor: props.editor.trim(), designer: props.designer.trim(), proofreader: props.proofreader.trim(),
  }));
}

// ——— checking

/**
 * Checks the edited meta against the model's schema and the grid; the first problem, in Chinese, otherwise.
 * A meta that passes is returned as given (not the parser's copy): the parts an edit did not touch keep
 * their identity, which the desk's layout caches on (styles, house settings, untouched pages).
 */
export function checkMeta(meta: IssueMeta): { ok: true; meta: IssueMeta } | { ok: false; message: string } {
  const parsed = IssueSchema.safeParse(meta);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { ok: false, message: `版面数据无效（${first.path.join('.')}）：${first.message}` };
  }
  const grid = pageGrid(meta.geometry);
  for (const p of meta.pages) {
    const ids = new Set<string>();
    for (const f of p.frames) {
      if (ids.has(f.id)) return { ok: false, message: `第 ${p.number} 版有两个框都叫 ${f.id}` };
      ids.add(f.id);
      const problem = gridProblem(grid, f);
      if (problem) return { ok: false, message: `第 ${p.number} 版的框 ${f.id} ${problem}` };
    }
  }
  return { ok: true, meta };
}
