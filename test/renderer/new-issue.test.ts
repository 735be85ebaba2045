import { describe, expect, it } from 'vitest';
import { editDraft, initialDraft, isAbsolutePath, localDate, newIssuePayload, suggestFolder } from '../../src/renderer/src/app/new-issue';
import { translate } from '../../src/renderer/src/i18n/messages';

const DOCS = '/home/u/Documents/夜班';
const at = new Date(2024, 2, 8, 23, 30);

describe('新建期刊 form', () => {
  it('starts on today (local), 8 broadsheet pages, and a folder in the documents folder', () => {
    expect(localDate(at)).toBe('2024-03-08');
    expect(initialDraft(DOCS, at)).toEqual({ paper: '', date: '2024-03-08', pages: '8', size: 'broadsheet', folder: `${DOCS}/新期刊-2024-03-08`, folderEdited: false });
  });

  it('proposes a folder that follows paper and date until the user names one', () => {
    let d = initialDraft(DOCS, at);
    d = editDraft(d, DOCS, { paper: '济宁日报' });
    expect(d.folder).toBe(`${DOCS}/济宁日报-2024-03-08`);
    d = editDraft(d, DOCS, { date: '2024-03-09' });
    expect(d.folder).toBe(`${DOCS}/济宁日报-2024-03-09`);
    d = editDraft(d, DOCS, { folder: '/srv/版面/明天' });
    expect(d.folderEdited).toBe(true);
    d = editDraft(d, DOCS, { paper: '济宁晚报' });
    expect(d.folder).toBe('/srv/版面/明天');
    // Characters no file system takes are left out of the proposal; Windows folders keep their separator.
    expect(suggestFolder('C:\\Users\\u\\夜班', '报/名:?', '2024-03-08')).toBe('C:\\Users\\u\\夜班\\报名-2024-03-08');
  });

  it('makes the issue:create payload; a bare folder name lands in the documents folder', () => {
    const d = { ...editDraft(initialDraft(DOCS, at), DOCS, { paper: ' 济宁日报 ', pages: '4', size: 'tabloid' as const }) };
    expect(newIssuePayload(d, DOCS)).toEqual({
      ok: true,
      payload: { path: `${DOCS}/济宁日报-2024-03-08`, paper: '济宁日报', date: '2024-03-08', pages: 4, size: 'tabloid' },
    });
    const named = editDraft(d, DOCS, { folder: '三月八日' });
    expect(newIssuePayload(named, DOCS)).toMatchObject({ ok: true, payload: { path: `${DOCS}/三月八日` } });
    expect(isAbsolutePath('D:\\报纸')).toBe(true);
    expect(isAbsolutePath('报纸/三月')).toBe(false);
  });

  it('gives every reason at once, in Chinese, with what was typed', () => {
    const d = { paper: '  ', date: '2024-02-30', pages: '0', size: 'broadsheet' as const, folder: '', folderEdited: true };
    const r = newIssuePayload(d, DOCS);
    if (r.ok) throw new Error('accepted');
    expect(r.problems.map((p) => [p.field, translate('zh-CN', p.key, p.vars)])).toEqual([
      ['paper', '请填写报名'],
      ['date', '日期「2024-02-30」不存在'],
      ['pages', '版数「0」无效：应为 1–200 的整数'],
      ['folder', '请填写期刊文件夹'],
    ]);
    const bad = (change: object) => {
      const x = newIssuePayload({ ...d, paper: '济宁日报', date: '2024-03-08', pages: '8', folder: '/a', ...change }, DOCS);
      return x.ok ? null : x.problems.map((p) => translate('zh-CN', p.key, p.vars));
    };
    expect(bad({})).toBeNull();
    expect(bad({ date: '2024/3/8' })).toEqual(['日期「2024/3/8」的写法不对：应为 年-月-日，如 2024-03-08']);
    expect(bad({ date: '' })).toEqual(['请填写出版日期']);
    expect(bad({ pages: '201' })).toEqual(['版数「201」无效：应为 1–200 的整数']);
    expect(bad({ pages: '4.5' })).toEqual(['版数「4.5」无效：应为 1–200 的整数']);
    expect(bad({ paper: '报'.repeat(101) })).toEqual(['报名过长（最多 100 字）']);
  });
});
