import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { type ImportNote, type Story } from '../../src/core/model';
import { importText } from '../../src/core/text';
import { undoAcross } from '../../src/renderer/src/importer/undo-across';
import { undoable, undoNote } from '../../src/renderer/src/importer/undo-note';
import { PDF, SAMPLE_TXT } from '../text/fixtures';

// Import decisions that span two stories, undone in the review panel before the stories are added: a headline
// handed on to the next story, a lone credit attached to the story before it, a body moved under the headline
// that followed it. Both stories change together, nothing is lost, and the other decisions stay undoable.

const find = (s: Story, rule: string): ImportNote => {
  const n = s.importNotes.find((x) => x.rule === rule);
  if (!n) throw new Error(`no ${rule} note in ${s.slug}`);
  return n;
};
const across = (stories: readonly Story[], index: number, rule: string, ids: string[] = []): Story[] => {
  const r = undoAcross(stories, index, find(stories[index]!, rule), ids);
  if (!r.ok) throw new Error(r.reason);
  return r.stories;
};
const undo = (s: Story, rule: string): Story => {
  const r = undoNote(s, find(s, rule));
  if (!r.ok) throw new Error(r.reason);
  return r.story;
};
const paragraphs = (stories: readonly Story[]): string[] => stories.flatMap((s) => bodyPlainText(s.body).split('\n').slice(0, -1));

/** Every body note still points at its `after` text. */
function expectNotesTrue(s: Story): void {
  const text = bodyPlainText(s.body);
  for (const n of s.importNotes) {
    if ((n.field ?? 'body') !== 'body' || n.rule === 'join.column-break' || n.rule === 'runin.split' || n.after === '') continue;
    expect(text.slice(n.offset, n.offset + n.after.length), `${n.rule} at ${n.offset} in ${s.slug}`).toBe(n.after);
  }
}

describe('undoing import decisions across two stories', () => {
  const pdf = importText(PDF).stories;

  it('lists the cross-story decisions as undoable', () => {
    expect(undoable(find(pdf[0]!, 'headline.distributed'))).toBe(true);
    expect(undoable(find(pdf[1]!, 'photo.attached'))).toBe(true);
  });

  it('a headline handed on goes back: the first story reads both lines as one headline, the next has none', () => {
    const after = across(pdf, 0, 'headline.distributed');
    expect(after.map((s) => s.id)).toEqual(pdf.map((s) => s.id));
    // What the importer reads when one story follows the two lines (引题 + 主题).
    const alone = importText(PDF.split('本报临沂讯(通讯员 吴芳')[0]!).stories[0]!;
    expect(after[0]!.headline).toEqual(alone.headline);
    expect(after[0]!.headline).toEqual({ kicker: ['城区道路改造启动'], main: ['老旧小区加装电梯'], sub: [] });
    expect(after[0]!.slug).toBe('老旧小区加装电梯');
    expect(after[0]!.importNotes.filter((n) => n.rule.startsWith('headline.'))).toEqual(alone.importNotes.filter((n) => n.rule.startsWith('headline.')));
    expect(after[1]!.headline).toEqual({ kicker: [], main: [], sub: [] });
    expect(after[1]!.slug).toBe('本报临沂讯（通讯员 吴芳 郑亮）');
    expect(after[1]!.importNotes.map((n) => n.rule)).toContain('headline.none');
    expect(paragraphs(after)).toEqual(paragraphs(pdf));
    // The other decisions of both stories stay undoable: the 电头, then the 引题 back to the body.
    const plain = undo(after[0]!, 'dateline.parsed');
    expect(undo(plain, 'headline.kicker').headline).toEqual({ kicker: [], main: ['老旧小区加装电梯'], sub: [] });
    expect(undo(after[1]!, 'punct.fullwidth').body).not.toEqual(after[1]!.body);
  });

  it('a lone credit leaves the story before it and stands as a photo story awaiting its picture', () => {
    const after = across(pdf, 1, 'photo.attached', ['story-04']);
    expect(after.map((s) => s.id)).toEqual(['story-01', 'story-02', 'story-05', 'story-03']);
    expect(after[1]!.photos).toEqual([]);
    expect(after[1]!.importNotes.filter((n) => n.field?.startsWith('photos') || n.rule === 'photo.attached')).toEqual([]);
    // What the importer makes of a credit that no story stands before.
    const lone = importText('■通讯员 吴芳 摄\n').stories[0]!;
    const { id: _a, ...made } = after[2]!;
    const { id: _b, ...own } = lone;
    expect(made).toEqual(own);
    expect(made.bylines).toEqual([{ role: '通讯员', names: ['吴芳'] }]);
    // Its credit can still go back to the text, and the story it left keeps its own decisions.
    expect(undo(after[2]!, 'photo.credit').photos).toEqual([]);
    expect(undo(after[1]!, 'dateline.parsed').photos).toEqual([]);
  });

  it('both undos in either order give the same stories', () => {
    const a = across(across(pdf, 0, 'headline.distributed'), 1, 'photo.attached');
    const b = across(across(pdf, 1, 'photo.attached'), 0, 'headline.distributed');
    expect(a).toEqual(b);
    expect(a).toHaveLength(4);
  });

  it('refuses when a story no longer holds what the importer made', () => {
    const moved = { ...pdf[1]!, headline: { kicker: [], main: ['改过的标题'], sub: [] } };
    expect(undoAcross([pdf[0]!, moved, pdf[2]!], 0, find(pdf[0]!, 'headline.distributed'))).toEqual({ ok: false, reason: '标题“老旧小区加装电梯”已不在后面的稿件中，无法撤销' });
    const noCredit = undo(pdf[1]!, 'photo.credit');
    expect(noCredit.importNotes.some((n) => n.rule === 'photo.attached')).toBe(false);
    expect(undoAcross(pdf, 0, find(pdf[1]!, 'photo.attached'))).toEqual({ ok: false, reason: '这条处理不属于该稿件' });
  });

  it('a body moved under the headline after it goes back to the end of the story it was taken from', () => {
    const sample = importText(readFileSync(SAMPLE_TXT, 'utf8')).stories;
    const note = find(sample[4]!, 'segment.body-before-headline');
    expect(undoable(note)).toBe(true);
    const moved = paragraphs([sample[4]!]);
    // A comma undone inside the moved text first does not stand in the way.
    const edited = sample.map((s, i) => (i === 4 ? undo(s, 'punct.fullwidth') : s));
    const after = across(edited, 4, 'segment.body-before-headline');
    expect(paragraphs([after[3]!])).toEqual([...paragraphs([sample[3]!]), ...paragraphs([edited[4]!])]);
    expect(paragraphs([after[3]!]).slice(-moved.length)[0]!.startsWith('提站位、抓教育')).toBe(true);
    expect(after[4]!.body.root.children).toEqual([]);
    expect(after[4]!.headline).toEqual(sample[4]!.headline);
    expect(after[4]!.interviewByline).toBe(sample[4]!.interviewByline);
    expect(paragraphs(after)).toEqual(paragraphs(edited));
    const count = (ss: Story[]) => ss.reduce((n, s) => n + s.importNotes.length, 0);
    expect(count(after)).toBe(count(edited) - 1);
    const clean = across(sample, 4, 'segment.body-before-headline');
    expectNotesTrue(clean[3]!);
    // The run-in head that came along can still be undone where it now stands.
    const runins = clean[3]!.importNotes.filter((n) => n.rule === 'runin');
    expect(undoNote(clean[3]!, runins[runins.length - 1]!).ok).toBe(true);
    // A paragraph put before the moved text (the interview byline undone) stops the undo.
    const byline = edited.map((s, i) => (i === 4 ? undo(s, 'byline.interview') : s));
    const refused = undoAcross(byline, 4, find(byline[4]!, 'segment.body-before-headline'));
    expect(refused.ok).toBe(false);
  });

  it('undoes every cross-story decision of the sample page, one after another, losing no text', () => {
    let stories = importText(readFileSync(SAMPLE_TXT, 'utf8')).stories;
    const text = paragraphs(stories).join('');
    const rules = ['headline.distributed', 'photo.attached', 'segment.body-before-headline'];
    const pending = () => stories.flatMap((s, i) => s.importNotes.filter((n) => rules.includes(n.rule)).map((n) => ({ i, n })));
    expect(pending().map((p) => p.n.rule).sort()).toEqual([...rules].sort());
    for (let left = pending(); left.length > 0; left = pending()) {
      const r = undoAcross(stories, left[0]!.i, left[0]!.n);
      if (!r.ok) throw new Error(r.reason);
      stories = r.stories;
    }
    expect(paragraphs(stories).join('')).toBe(text);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    for (const s of stories) expectNotesTrue(s);
  });
});
