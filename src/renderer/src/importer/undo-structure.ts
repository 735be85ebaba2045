import { datelineText, paragraphNode, textNode } from '../../../core/model/body';
import { type ImportNote, type Story } from '../../../core/model';

// Undoing a decision about the shape of a story, before it is added: the importer read a line as a headline
// part, an interview byline, a photo caption or credit, an editor's note, a sub-head or a run-in head, or
// joined two lines a PDF column had split. Undo gives the text back to the body as an ordinary paragraph
// (or splits the joined paragraph again), and moves the notes that belonged to it so that each of them can
// still be undone. Like a text undo it checks first that the story still holds what the importer made.

type Body = Story['body'];
type Block = Body['root']['children'][number];
type Inline = Block['children'][number];

export type StructureOutcome = { ok: true; story: Story } | { ok: false; reason: string };

/** Structural rules this module undoes. */
export const STRUCTURAL_RULES: ReadonlySet<string> = new Set([
  'headline.main', 'headline.kicker', 'headline.sub', 'byline.interview', 'photo.caption', 'photo.credit',
  'note.editor', 'subhead', 'runin', 'join.column-break',
]);

function inlineLength(node: Inline): number {
  return node.type === 'text' ? node.text.length : node.type === 'linebreak' ? 1 : datelineText(node).length;
}

function blockLength(block: Block): number {
  return block.children.reduce((n, c) => n + inlineLength(c), 0);
}

/** Plain-text offset (bodyPlainText's numbering: each block and its newline) where each block starts. */
export function blockStarts(body: Body): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const b of body.root.children) {
    starts.push(at);
    at += blockLength(b) + 1;
  }
  starts.push(at);
  return starts;
}

const withBlocks = (body: Body, blocks: Block[]): Body => ({ ...body, root: { ...body.root, children: blocks } });
const isBody = (n: ImportNote): boolean => (n.field ?? 'body') === 'body';

/** Body notes at or after `from` move by `delta`. */
function shiftBody(notes: readonly ImportNote[], from: number, delta: number): ImportNote[] {
  return notes.map((n) => (isBody(n) && n.offset >= from ? { ...n, offset: n.offset + delta } : n));
}

/**
 * `texts` become paragraphs at the start (or the end) of the body; `carried` notes (offsets within the first
 * text) come along as body notes.
 */
function insertParagraphs(story: Story, notes: ImportNote[], texts: string[], atStart: boolean, carried: ImportNote[] = []): Story {
  const blocks = texts.map((t) => paragraphNode([textNode(t)]) as Block);
  const starts = blockStarts(story.body);
  const at = atStart ? 0 : starts[starts.length - 1]!;
  const added = texts.reduce((n, t) => n + t.length + 1, 0);
  const moved = atStart ? shiftBody(notes, 0, added) : notes;
  const body = withBlocks(story.body, atStart ? [...blocks, ...story.body.root.children] : [...story.body.root.children, ...blocks]);
  return { ...story, body, importNotes: [...moved, ...carried.map((n) => ({ ...n, field: 'body', offset: at + n.offset }))] };
}

/** A 电头 opens the first paragraph and nothing may stand before it (DESIGN.md §3). */
const DATELINE_FIRST = '正文以电头开头，电头前不能再有段落：请先撤销“识别电头”，再撤销此项';

function opensWithDateline(story: Story): boolean {
  return story.body.root.children[0]?.children[0]?.type === 'dateline';
}

/** Fields `prefix.k` with k > index move down one (a headline line or photo removed before them). */
export function renumber(notes: ImportNote[], prefix: string, index: number): ImportNote[] {
  return notes.map((n) => {
    const m = n.field?.startsWith(`${prefix}.`) ? /^(\d+)(.*)$/.exec(n.field.slice(prefix.length + 1)) : null;
    return m && Number(m[1]) > index ? { ...n, field: `${prefix}.${Number(m[1]) - 1}${m[2]}` } : n;
  });
}

/** The slug follows the headline the importer derived it from; one the editor typed stays. */
function reslug(before: Story, after: Story): Story {
  const derived = (s: Story): string => (s.headline.main.join(' ') || s.headline.kicker.join(' ') || s.headline.sub.join(' ')).replace(/\u3000/g, ' ').slice(0, 100);
  const old = derived(before);
  const next = derived(after);
  return old !== '' && before.slug === old && next !== '' ? { ...after, slug: next } : after;
}

function headlinePart(story: Story, note: ImportNote, rest: ImportNote[]): StructureOutcome {
  const m = /^headline\.(kicker|main|sub)\.(\d+)$/.exec(note.field ?? '');
  const part = m?.[1] as 'kicker' | 'main' | 'sub' | undefined;
  const i = Number(m?.[2]);
  const line = part ? story.headline[part][i] : undefined;
  if (!part || line !== note.after) return { ok: false, reason: `标题已不是“${note.after}”，无法撤销` };
  if (opensWithDateline(story)) return { ok: false, reason: DATELINE_FIRST };
  // The line goes to the body as it reads now; its own notes (spaces, marks) go with it, still undoable.
  const own = rest.filter((n) => n.field === note.field);
  let notes = renumber(rest.filter((n) => n.field !== note.field), `headline.${part}`, i);
  const headline = { ...story.headline, [part]: story.headline[part].filter((_, k) => k !== i) };
  const placed = insertParagraphs({ ...story, headline }, notes, [line], true, own);
  notes = placed.importNotes;
  const noHeadline = headline.kicker.length + headline.main.length + headline.sub.length === 0;
  if (noHeadline && !notes.some((n) => n.rule === 'headline.none')) notes = [...notes, { rule: 'headline.none', field: 'headline', offset: 0, before: '', after: '' }];
  return { ok: true, story: reslug(story, { ...placed, importNotes: notes }) };
}

function interviewByline(story: Story, note: ImportNote, rest: ImportNote[]): StructureOutcome {
  if (story.interviewByline !== note.after) return { ok: false, reason: `采访署名已不是“${note.after}”，无法撤销` };
  if (opensWithDateline(story)) return { ok: false, reason: DATELINE_FIRST };
  // The line as it came in: its spacing was part of reading it as a byline.
  const placed = insertParagraphs({ ...story, interviewByline: '' }, rest.filter((n) => n.field !== 'interviewByline'), [note.before], true);
  return { ok: true, story: placed };
}

function photoPart(story: Story, note: ImportNote, rest: ImportNote[]): StructureOutcome {
  const m = /^photos\.(\d+)\.(caption|credit)$/.exec(note.field ?? '');
  const k = Number(m?.[1]);
  const key = m?.[2] as 'caption' | 'credit' | undefined;
  const photo = story.photos[k];
  if (!key || !photo) return { ok: false, reason: '图片已不在稿件中，无法撤销' };
  const text = key === 'caption' ? photo.caption : note.before;
  if (key === 'caption' ? !photo.caption.startsWith(note.after) : photo.credit !== note.after) {
    return { ok: false, reason: `图片${key === 'caption' ? '说明' : '署名'}已改动，无法撤销` };
  }
  const field = `photos.${k}.${key}`;
  // A caption's own notes go with its first paragraph only when it has one paragraph (offsets stay true).
  const paragraphs = key === 'caption' ? text.split('\n') : [text];
  const own = paragraphs.length === 1 ? rest.filter((n) => n.field === field) : [];
  let notes = rest.filter((n) => n.field !== field);
  let photos = story.photos.map((p, i) => (i === k ? { ...p, [key]: '' } : p));
  const left = photos[k]!;
  let bylines = story.bylines;
  if (key === 'credit' && story.kind === '图片新闻') bylines = [];
  if (left.caption === '' && left.credit === '' && left.assetId === null) {
    // Nothing is left to wait for: the photo frame goes too, and the photos after it move up.
    photos = photos.filter((_, i) => i !== k);
    // Its frame and the note that attached a lone credit to this story go with it.
    notes = renumber(notes.filter((n) => n.field !== `photos.${k}` && !(n.rule === 'photo.attached' && n.before === photo.credit)), 'photos', k);
  }
  const placed = insertParagraphs({ ...story, photos, bylines }, notes, paragraphs, false, own);
  return { ok: true, story: placed };
}

/** The block whose text starts at `offset`, if it is of the given type. */
function blockAt(story: Story, offset: number): { index: number; block: Block } | null {
  const starts = blockStarts(story.body);
  const index = starts.indexOf(offset);
  const block = index >= 0 ? story.body.root.children[index] : undefined;
  return block ? { index, block } : null;
}

export const plainText = (block: Block): string => block.children.map((c) => (c.type === 'text' ? c.text : c.type === 'linebreak' ? '\n' : datelineText(c))).join('');

/** The editor's note, sub-head or run-in head becomes an ordinary paragraph with the same text. */
function restyle(story: Story, note: ImportNote, rest: ImportNote[]): StructureOutcome {
  const at = blockAt(story, note.offset);
  const failed: StructureOutcome = { ok: false, reason: `第 ${note.offset} 字处的段落已改动，无法撤销` };
  if (!at) return failed;
  const { block, index } = at;
  const text = plainText(block);
  if (!text.startsWith(note.after)) return failed;
  if (note.rule === 'subhead' && block.type !== 'subhead') return failed;
  if (note.rule === 'note.editor' && block.styleId !== 'note') return failed;
  // Datelines keep their node; everything else is plain text without the run-in style.
  const children: Inline[] = block.children.some((c) => c.type === 'dateline')
    ? block.children.map((c) => (c.type === 'text' && c.styleId === 'runin' ? textNode(c.text) : c))
    : [textNode(text)];
  const blocks = story.body.root.children.map((b, i) => (i === index ? (paragraphNode(children) as Block) : b));
  const kind = note.rule === 'note.editor' && story.kind === '编者按' ? '消息' : story.kind;
  return { ok: true, story: { ...story, kind, body: withBlocks(story.body, blocks), importNotes: rest } };
}

/** The paragraph joined across a column break is split again where the join was. */
function splitJoin(story: Story, note: ImportNote, rest: ImportNote[]): StructureOutcome {
  const failed: StructureOutcome = { ok: false, reason: `第 ${note.offset} 字处已不是“${note.after}”，无法撤销` };
  const starts = blockStarts(story.body);
  const cut = note.offset + 1;
  const index = starts.findIndex((s, i) => i < story.body.root.children.length && cut > s && cut < starts[i + 1]! - 1);
  const block = index >= 0 ? story.body.root.children[index] : undefined;
  if (!block) return failed;
  let local = cut - starts[index]!;
  if (plainText(block).slice(local - 1, local + 1) !== note.after) return failed;
  const first: Inline[] = [];
  const second: Inline[] = [];
  for (const c of block.children) {
    const len = inlineLength(c);
    if (local >= len) first.push(c);
    else if (local <= 0) second.push(c);
    else if (c.type === 'text') {
      first.push({ ...c, text: c.text.slice(0, local) });
      second.push({ ...c, text: c.text.slice(local) });
    } else return failed;
    local -= len;
  }
  const style = block.type === 'paragraph' ? block.styleId : 'body';
  const blocks = story.body.root.children.flatMap((b, i) => (i === index ? [{ ...block, children: first } as Block, paragraphNode(second, style) as Block] : [b]));
  return { ok: true, story: { ...story, body: withBlocks(story.body, blocks), importNotes: shiftBody(rest, cut, 1) } };
}

export function undoStructure(story: Story, note: ImportNote): StructureOutcome {
  const rest = story.importNotes.filter((n) => n !== note);
  switch (note.rule) {
    case 'headline.main':
    case 'headline.kicker':
    case 'headline.sub':
      return headlinePart(story, note, rest);
    case 'byline.interview':
      return interviewByline(story, note, rest);
    case 'photo.caption':
    case 'photo.credit':
      return photoPart(story, note, rest);
    case 'note.editor':
    case 'subhead':
    case 'runin':
      return restyle(story, note, rest);
    case 'join.column-break':
      return splitJoin(story, note, rest);
    default:
      return { ok: false, reason: '这是结构上的判断，请在稿件中直接修改' };
  }
}
