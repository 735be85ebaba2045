import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { type IssueMeta, type Story } from '../../src/core/model';
import { importText } from '../../src/core/text';
import { decodeText } from '../../src/renderer/src/importer/read-text-file';
import { undoable, undoNote } from '../../src/renderer/src/importer/undo-note';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { fieldLabel, issueCoverage, proofIssue } from '../../src/renderer/src/proof/proof-run';

const COPY = '太白湖新区 举办读书节\n\n本报济宁讯(通讯员 李明)3月5日,太白湖新区举办"书香新区"读书节活动,共有200余人参加。\n';
const imported = (): Story => importText(COPY).stories[0]!;
const note = (s: Story, rule: string, nth = 0) => s.importNotes.filter((n) => n.rule === rule)[nth]!;
const undo = (s: Story, n: Story['importNotes'][number]): Story => {
  const r = undoNote(s, n);
  if (!r.ok) throw new Error(r.reason);
  return r.story;
};

describe('import review: undo one decision', () => {
  it('puts a half-width comma back and moves the later notes with the text', () => {
    const s = imported();
    const second = note(s, 'punct.fullwidth', 1);
    const after = undo(s, note(s, 'punct.fullwidth', 0));
    expect(bodyPlainText(after.body)).toContain('3月5日,太白湖新区举办“书香新区”读书节活动，共有');
    expect(after.importNotes).toHaveLength(s.importNotes.length - 1);
    // Same length here: the later note stays where it was and can be undone too.
    const moved = after.importNotes.find((n) => n.rule === 'punct.fullwidth')!;
    expect(moved.offset).toBe(second.offset);
    expect(bodyPlainText(undo(after, moved).body)).toContain('读书节活动,共有');
  });

  it('turns a parsed 电头 back into the text it was read from, shifting the notes after it', () => {
    const s = imported();
    const dateline = note(s, 'dateline.parsed');
    const comma = note(s, 'punct.fullwidth');
    const after = undo(s, dateline);
    expect(bodyPlainText(after.body).startsWith('本报济宁讯(通讯员 李明)3月5日，')).toBe(true);
    expect(JSON.stringify(after.body)).not.toContain('"dateline"');
    const shifted = after.importNotes.find((n) => n.rule === 'punct.fullwidth')!;
    expect(shifted.offset).toBe(comma.offset + dateline.before.length - dateline.after.length);
    expect(bodyPlainText(undo(after, shifted).body)).toContain('3月5日,太白湖');
  });

  it('undoes a space change inside the headline', () => {
    const s = imported();
    const space = s.importNotes.find((n) => n.field?.startsWith('headline.') && n.before === ' ');
    expect(space).toBeDefined();
    expect(undo(s, space!).headline.main[0]).toBe('太白湖新区 举办读书节');
  });

  it('refuses decisions across stories on one story alone and text that has changed since, without touching the story', () => {
    const s = imported();
    // A decision across stories (a credit given to the story before it) is undone with both (undo-across.ts).
    const across = { rule: 'photo.attached', field: 'story', offset: 0, before: '■通讯员　万众　摄', after: '' };
    const withAcross = { ...s, importNotes: [...s.importNotes, across] };
    expect(undoable(across)).toBe(true);
    expect(undoNote(withAcross, across)).toEqual({ ok: false, reason: '这项判断涉及两篇稿件，须同时撤销' });
    const comma = note(s, 'punct.fullwidth');
    const edited = { ...s, body: importText('本报讯 另一段文字。\n').stories[0]!.body };
    const r = undoNote(edited, comma);
    expect(r).toEqual({ ok: false, reason: `第 ${comma.offset} 字处已不是“，”，无法撤销` });
    expect(undoNote(s, { ...comma })).toEqual({ ok: false, reason: '这条处理不属于该稿件' });
  });
});

describe('proofreading in the desk', () => {
  const meta = (dictionary: string[], ids: string[]) => ({ storyIds: ids, house: { dictionary } }) as unknown as IssueMeta;
  it('checks the stories in budget order and lets the house dictionary accept a term', () => {
    const s = { ...imported(), headline: { kicker: [], main: ['读书节开幕了。'], sub: [] } };
    const body = importText('本报讯 活动采用online报名,共200人參加。\n').stories[0]!.body;
    const story = { ...s, body };
    const found = proofIssue(meta([], [story.id]), new Map([[story.id, story]]));
    const rules = new Set(found.map((f) => f.rule));
    expect(rules).toContain('headline-end');
    expect(rules).toContain('traditional');
    expect(rules).toContain('latin-word');
    const accepted = proofIssue(meta(['online'], [story.id]), new Map([[story.id, story]]));
    expect(accepted.some((f) => f.rule === 'latin-word')).toBe(false);
    expect(accepted.length).toBe(found.length - found.filter((f) => f.rule === 'latin-word').length);
  });

  it('flags a character no font of the chains has, not one only 楷体 draws', async () => {
    const story = { ...imported(), body: importText('本报讯 泰文字母\u0E01与楷体才有的\u3402出现在正文里。\n').stories[0]!.body };
    const m = { ...meta([], [story.id]), house: { dictionary: [], fonts: [] } } as unknown as IssueMeta;
    const stories = new Map([[story.id, story]]);
    const covers = await issueCoverage(m, stories, nodeFontLoader);
    expect(proofIssue(m, stories, covers).filter((f) => f.rule === 'no-glyph').map((f) => f.text)).toEqual(['\u0E01']);
    // Until the coverage is known the rule waits rather than guessing.
    expect(proofIssue(m, stories).some((f) => f.rule === 'no-glyph')).toBe(false);
  });

  it('names fields as the editor knows them', () => {
    expect(['body', 'headline.main.0', 'headline.kicker.1', 'photos.0.caption', 'photos.2.credit', 'interviewByline'].map(fieldLabel)).toEqual([
      '正文', '主题', '引题2', '图1说明', '图3署名', '采访对象',
    ]);
  });
});

describe('text files', () => {
  it('reads UTF-8 (with or without BOM) and GB18030, and names a file that is neither', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF夜班'), 'a.txt')).toBe('夜班');
    expect(decodeText(new Uint8Array([0xd2, 0xb9, 0xb0, 0xe0]), 'b.txt')).toBe('夜班');
    expect(() => decodeText(new Uint8Array([0xff, 0xff, 0xff]), 'c.txt')).toThrow('无法读取 c.txt：既不是 UTF-8 也不是 GB18030 编码的文本文件');
  });
});
