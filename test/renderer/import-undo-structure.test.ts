import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { type ImportNote, type Story } from '../../src/core/model';
import { importText } from '../../src/core/text';
import { undoable, undoNote } from '../../src/renderer/src/importer/undo-note';
import { ASCII, INTERVIEW, NOTE, PDF, PHOTOS, samplePage } from '../text/fixtures';

// Structural import decisions, each undone in the review panel before the story is added: the text goes back
// to the body (or the joined paragraph is split again) and the story's notes stay true, so the ones left can
// still be undone after it.

const find = (s: Story, rule: string, nth = 0): ImportNote => {
  const n = s.importNotes.filter((x) => x.rule === rule)[nth];
  if (!n) throw new Error(`no ${rule} note`);
  return n;
};
const undo = (s: Story, n: ImportNote): Story => {
  const r = undoNote(s, n);
  if (!r.ok) throw new Error(r.reason);
  return r.story;
};
const paragraphs = (s: Story): string[] => bodyPlainText(s.body).split('\n').slice(0, -1);

/** Every body note still points at its `after` text (or, for a parsed dateline, the dateline's text). */
function expectNotesTrue(s: Story): void {
  const text = bodyPlainText(s.body);
  for (const n of s.importNotes) {
    if ((n.field ?? 'body') !== 'body' || n.rule === 'join.column-break' || n.after === '') continue;
    expect(text.slice(n.offset, n.offset + n.after.length), `${n.rule} at ${n.offset}`).toBe(n.after);
  }
}

describe('undoing structural import decisions', () => {
  it('a headline part goes back to the body as its first paragraph, once no 电头 has to open the body', () => {
    const s = importText(ASCII).stories[0]!;
    expect(s.headline.kicker).toEqual(['聚焦高质量发展']);
    const kicker = find(s, 'headline.kicker');
    expect(undoable(kicker)).toBe(true);
    // The 电头 opens the first paragraph (the model's rule): the desk is told to undo it first.
    expect(undoNote(s, kicker)).toEqual({ ok: false, reason: '正文以电头开头，电头前不能再有段落：请先撤销“识别电头”，再撤销此项' });
    const plain = undo(s, find(s, 'dateline.parsed'));
    const after = undo(plain, find(plain, 'headline.kicker'));
    expect(after.headline.kicker).toEqual([]);
    expect(after.headline.main).toEqual(['我市一季度经济运行稳中向好']);
    expect(paragraphs(after)[0]).toBe('聚焦高质量发展');
    expect(paragraphs(after)[1]!.startsWith('本报讯(记者 王五 通讯员 赵六 钱七)')).toBe(true);
    expect(after.importNotes).toHaveLength(s.importNotes.length - 2);
    expectNotesTrue(after);
    // A comma after it moved down by the new paragraph and can still be undone.
    const comma = find(after, 'punct.fullwidth');
    expect(comma.offset).toBe(find(plain, 'punct.fullwidth').offset + '聚焦高质量发展'.length + 1);
    expect(paragraphs(undo(after, comma))[1]).toContain('获悉,');
  });

  it('the main headline: the slug follows what is left, and a story left without a headline says so', () => {
    const s = importText('读书节开幕\n\n3月5日，全区读书节在新区图书馆开幕。\n').stories[0]!;
    const after = undo(s, find(s, 'headline.main'));
    expect(after.headline.main).toEqual([]);
    expect(paragraphs(after)[0]).toBe('读书节开幕');
    expect(paragraphs(after)).toHaveLength(paragraphs(s).length + 1);
    expect(after.slug).toBe(s.slug); // no headline left to follow: the slug the importer gave stays
    expect(after.importNotes.some((n) => n.rule === 'headline.none')).toBe(true);
    const spaced = importText('太白湖新区 重大项目集中开工\n\n3月5日，新区5个重大项目集中开工。\n').stories[0]!;
    const undone = undo(spaced, find(spaced, 'headline.main'));
    // The space note came along into the body, where undoing it restores the half-width space.
    const space = undone.importNotes.find((n) => n.rule === 'space.fullwidth' && n.offset < 14)!;
    expect(space.field).toBe('body');
    expect(paragraphs(undo(undone, space))[0]).toBe('太白湖新区 重大项目集中开工');
  });

  it('an interview byline goes back to the body as the importer read it', () => {
    const s = importText(INTERVIEW).stories[0]!;
    expect(s.interviewByline).toBe('某某县县长\u3000陈立新');
    const after = undo(s, find(s, 'byline.interview'));
    expect(after.interviewByline).toBe('');
    expect(paragraphs(after)[0]).toBe(find(s, 'byline.interview').before);
    expectNotesTrue(after);
  });

  it('a caption and a credit go back to the body; a photo with nothing left goes', () => {
    const s = importText(PHOTOS).stories[0]!;
    expect(s.photos[0]).toMatchObject({ caption: '3月5日，农民在田间管理小麦。', credit: '本报记者\u3000张三\u3000摄' });
    const noCaption = undo(s, find(s, 'photo.caption'));
    expect(noCaption.photos[0]!.caption).toBe('');
    expect(paragraphs(noCaption).at(-1)).toBe('3月5日，农民在田间管理小麦。');
    expectNotesTrue(noCaption);
    const bare = undo(noCaption, find(noCaption, 'photo.credit'));
    expect(paragraphs(bare).at(-1)).toBe(find(s, 'photo.credit').before);
    expect(bare.photos).toEqual([]);
    expect(bare.bylines).toEqual([]);
    expect(bare.importNotes.some((n) => n.field?.startsWith('photos.'))).toBe(false);
  });

  it('a lone credit the importer attached to the story before it leaves with its photo', () => {
    const s = importText('读书节开幕\n\n本报讯 3月5日，读书节开幕，全区200余人参加活动。\n\n■通讯员 万众 摄\n').stories[0]!;
    expect(s.importNotes.some((n) => n.rule === 'photo.attached')).toBe(true);
    const after = undo(s, find(s, 'photo.credit'));
    expect(after.photos).toEqual([]);
    expect(after.importNotes.some((n) => n.rule === 'photo.attached' || n.rule === 'photo.awaiting')).toBe(false);
    expect(paragraphs(after).at(-1)).toBe('■通讯员\u3000万众\u3000摄');
  });

  it('an editor’s note becomes an ordinary paragraph and its story an ordinary report', () => {
    const r = importText(NOTE);
    const s = r.stories.find((x) => x.importNotes.some((n) => n.rule === 'note.editor'))!;
    const note = find(s, 'note.editor');
    const after = undo(s, note);
    expect(bodyPlainText(after.body)).toBe(bodyPlainText(s.body));
    expect(JSON.stringify(after.body)).not.toContain('"runin"');
    expect(after.body.root.children[0]!.styleId).toBe('body');
    if (s.kind === '编者按') expect(after.kind).toBe('消息');
  });

  it('a sub-head and a run-in head become ordinary text', () => {
    const pdf = importText(PDF).stories.find((x) => x.importNotes.some((n) => n.rule === 'subhead'))!;
    const sub = undo(pdf, find(pdf, 'subhead'));
    expect(sub.body.root.children.filter((b) => b.type === 'subhead')).toHaveLength(pdf.body.root.children.filter((b) => b.type === 'subhead').length - 1);
    expect(bodyPlainText(sub.body)).toBe(bodyPlainText(pdf.body));
    const runin = importText(samplePage()).stories.find((x) => x.importNotes.some((n) => n.rule === 'runin'))!;
    const n = find(runin, 'runin');
    const plain = undo(runin, n);
    const block = plain.body.root.children.find((b) => bodyPlainText({ root: { ...plain.body.root, children: [b] } }).startsWith(n.after))!;
    expect(JSON.stringify(block)).not.toContain('"runin"');
    expect(JSON.stringify(plain.body).split('"runin"').length).toBe(JSON.stringify(runin.body).split('"runin"').length - 1);
    expect(bodyPlainText(plain.body)).toBe(bodyPlainText(runin.body));
  });

  it('a paragraph joined across a column break is split again where the join was', () => {
    const s = importText(PDF).stories.find((x) => x.importNotes.some((n) => n.rule === 'join.column-break'))!;
    const join = find(s, 'join.column-break');
    const before = paragraphs(s);
    const after = undo(s, join);
    const split = paragraphs(after);
    expect(split).toHaveLength(before.length + 1);
    expect(split.some((p) => p.endsWith('提升群众出行的便捷'))).toBe(true);
    expect(split).toContain('性和安全性。');
    expectNotesTrue(after);
  });

  it('refuses once the story no longer holds what the importer made, and leaves it untouched', () => {
    const s = importText(ASCII).stories[0]!;
    const kicker = find(s, 'headline.kicker');
    const edited = { ...s, headline: { ...s.headline, kicker: ['改过的引题'] } };
    expect(undoNote(edited, kicker)).toEqual({ ok: false, reason: '标题已不是“聚焦高质量发展”，无法撤销' });
    // Decisions across stories are undone with both stories (undo-across.ts), never on one alone.
    const pdf = importText(PDF).stories[0]!;
    const distributed = find(pdf, 'headline.distributed');
    expect(undoable(distributed)).toBe(true);
    expect(undoNote(pdf, distributed)).toEqual({ ok: false, reason: '这项判断涉及两篇稿件，须同时撤销' });
  });
});
