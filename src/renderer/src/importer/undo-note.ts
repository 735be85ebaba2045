import { datelineText, textNode } from '../../../core/model/body';
import { type ImportNote, type Story } from '../../../core/model';
import { ACROSS_RULES } from './undo-across';
import { STRUCTURAL_RULES, undoStructure } from './undo-structure';

// Undoing one import decision on a story that has not been added yet: the note says what the importer
// replaced (`before` → `after` at `offset` of `field`), so undo puts `before` back — but only where the
// story still holds exactly `after` there, so an undo can never damage text. Decisions about the story's
// shape (a headline part, an interview byline, a caption or credit, an editor's note, a sub-head, a run-in
// head, a column-break join) are undone by undo-structure.ts; decisions across stories (a headline handed to
// the next story, a credit attached to the previous one, a body moved under the next headline) change two
// stories at once and are undone by undo-across.ts.

type Body = Story['body'];
type Block = Body['root']['children'][number];
type Inline = Block['children'][number];

export type UndoOutcome = { ok: true; story: Story } | { ok: false; reason: string };

/** Whether the panel can undo a note: here, in undo-structure.ts or (across two stories) in undo-across.ts. */
export function undoable(note: ImportNote): boolean {
  if (STRUCTURAL_RULES.has(note.rule) || ACROSS_RULES.has(note.rule)) return true;
  if (note.before === note.after) return false;
  if (note.rule === 'dateline.parsed') return note.field === 'body' && !note.before.includes('\n');
  if (note.before.includes('\n') || note.after.includes('\n') || note.after === '') return false;
  const f = note.field ?? 'body';
  return f === 'body' || f === 'interviewByline' || /^headline\.(kicker|main|sub)\.\d+$/.test(f) || /^photos\.\d+\.(caption|credit)$/.test(f);
}

function replaceAt(text: string, at: number, after: string, before: string): string | null {
  return text.slice(at, at + after.length) === after ? text.slice(0, at) + before + text.slice(at + after.length) : null;
}

/** The body with `after` at plain-text `offset` (bodyPlainText's numbering) replaced by `before`, or null. */
function undoInBody(body: Body, note: ImportNote): Body | null {
  let offset = 0;
  const blocks = body.root.children;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (let c = 0; c < block.children.length; c++) {
      const node = block.children[c]!;
      const len = node.type === 'text' ? node.text.length : node.type === 'linebreak' ? 1 : datelineText(node).length;
      const local = note.offset - offset;
      if (local >= 0 && local < Math.max(len, 1)) {
        let replaced: Inline | null = null;
        if (note.rule === 'dateline.parsed') {
          // The parsed 电头 goes back to the text it was read from.
          if (node.type === 'dateline' && local === 0 && datelineText(node) === note.after) replaced = textNode(note.before);
        } else if (node.type === 'text' && local + note.after.length <= len) {
          const text = replaceAt(node.text, local, note.after, note.before);
          if (text !== null) replaced = { ...node, text };
        }
        if (!replaced) return null;
        const children = block.children.map((n, i) => (i === c ? replaced : n));
        const nextBlocks = blocks.map((x, i) => (i === b ? ({ ...block, children } as Block) : x));
        return { ...body, root: { ...body.root, children: nextBlocks } };
      }
      offset += len;
    }
    offset += 1;
  }
  return null;
}

/** Later notes of the same field move by the change in length; the undone note leaves the story's record. */
function shiftNotes(notes: readonly ImportNote[], undone: ImportNote): ImportNote[] {
  const delta = undone.before.length - undone.after.length;
  const field = undone.field ?? 'body';
  return notes
    .filter((n) => n !== undone)
    .map((n) => ((n.field ?? 'body') === field && n.offset > undone.offset ? { ...n, offset: n.offset + delta } : n));
}

export function undoNote(story: Story, note: ImportNote): UndoOutcome {
  if (!story.importNotes.includes(note)) return { ok: false, reason: '这条处理不属于该稿件' };
  if (STRUCTURAL_RULES.has(note.rule)) return undoStructure(story, note);
  if (ACROSS_RULES.has(note.rule)) return { ok: false, reason: '这项判断涉及两篇稿件，须同时撤销' };
  if (!undoable(note)) return { ok: false, reason: '这是结构上的判断，请在稿件中直接修改' };
  const field = note.field ?? 'body';
  const notes = shiftNotes(story.importNotes, note);
  const failed: UndoOutcome = { ok: false, reason: `第 ${note.offset} 字处已不是“${note.after}”，无法撤销` };
  if (field === 'body') {
    const body = undoInBody(story.body, note);
    return body ? { ok: true, story: { ...story, body, importNotes: notes } } : failed;
  }
  if (field === 'interviewByline') {
    const text = replaceAt(story.interviewByline, note.offset, note.after, note.before);
    return text === null ? failed : { ok: true, story: { ...story, interviewByline: text, importNotes: notes } };
  }
  const head = /^headline\.(kicker|main|sub)\.(\d+)$/.exec(field);
  if (head) {
    const part = head[1] as 'kicker' | 'main' | 'sub';
    const i = Number(head[2]);
    const text = replaceAt(story.headline[part][i] ?? '', note.offset, note.after, note.before);
    if (text === null) return failed;
    const lines = story.headline[part].map((l, k) => (k === i ? text : l));
    return { ok: true, story: { ...story, headline: { ...story.headline, [part]: lines }, importNotes: notes } };
  }
  const photo = /^photos\.(\d+)\.(caption|credit)$/.exec(field);
  if (photo) {
    const i = Number(photo[1]);
    const key = photo[2] as 'caption' | 'credit';
    const p = story.photos[i];
    const text = p ? replaceAt(p[key], note.offset, note.after, note.before) : null;
    if (!p || text === null) return failed;
    return { ok: true, story: { ...story, photos: story.photos.map((x, k) => (k === i ? { ...x, [key]: text } : x)), importNotes: notes } };
  }
  return failed;
}
