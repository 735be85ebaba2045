import { describe, expect, it } from 'vitest';
import { chooseLocation, editDraft, folderName, initialDraft, isAbsolutePath, localDate, newIssuePayload, suggestFolder } from '../../src/renderer/src/app/new-issue';
import { translate } from '../../src/renderer/src/i18n/messages';

const DOCS = '/home/u/Documents/夜班';
const at = new Date(2024, 2, 8, 23, 30);

describe('新建期刊 form', () => {
  it('starts on today (local), 8 broadsheet pages, and a folder in the documents folder', () => {
    expect(localDate(at)).toBe('2024-03-08');
    expect(initialDraft(DOCS, at)).toEqual({ paper: '', date: '2024-03-08', pages: '8', size: 'broadsheet', folder: `${DOCS}/新期刊-2024-03-08`, location: DOCS, folderEdited: false });
  });

  it('proposes a folder that follows paper and date until the user names one', () => {
    let d = initialDraft(DOCS, at);
    d = editDraft(d, { paper: '济宁日报' });
    expect(d.folder).toBe(`${DOCS}/济宁日报-2024-03-08`);
    d = editDraft(d, { date: '2024-03-09' });
    expect(d.folder).toBe(`${DOCS}/济宁日报-2024-03-09`);
    d = editDraft(d, { folder: '/srv/版面/明天' });
    expect(d.folderEdited).toBe(true);
    d = editDraft(d, { paper: '济宁晚报' });
    expect(d.folder).toBe('/srv/版面/明天');
    // Characters no file system takes are left out of the proposal; Windows folders keep their separator.
    expect(suggestFolder('C:\\Users\\u\\夜班', '报/名:?', '2024-03-08')).toBe('C:\\Users\\u\\夜班\\报名-2024-03-08');
  });

  it('makes the issue:create payload; a bare folder name lands in the documents folder', () => {
    const d = { ...editDraft(initialDraft(DOCS, at), { paper: ' 济宁日报 ', pages: '4', size: 'tabloid' as const }) };
    expect(newIssuePayload(d)).toEqual({
      ok: true,
      payload: { path: `${DOCS}/济宁日报-2024-03-08`, paper: '济宁日报', date: '2024-03-08', pages: 4, size: 'tabloid' },
    });
    const named = editDraft(d, { folder: '三月八日' });
    expect(newIssuePayload(named)).toMatchObject({ ok: true, payload: { path: `${DOCS}/三月八日` } });
    expect(isAbsolutePath('D:\\报纸')).toBe(true);
    expect(isAbsolutePath('报纸/三月')).toBe(false);
  });

  it('gives every reason at once, in Chinese, with what was typed', () => {
    const d = { paper: '  ', date: '2024-02-30', pages: '0', size: 'broadsheet' as const, folder: '', location: DOCS, folderEdited: true };
    const r = newIssuePayload(d);
    if (r.ok) throw new Error('accepted');
    expect(r.problems.map((p) => [p.field, translate('zh-CN', p.key, p.vars)])).toEqual([
      ['paper', '请填写报名'],
      ['date', '日期「2024-02-30」不存在'],
      ['pages', '版数「0」无效：应为 1–200 的整数'],
      ['folder', '请填写期刊文件夹'],
    ]);
    const bad = (change: object) => {
      const x = newIssuePayload({ ...d, paper: '济宁日报', date: '2024-03-08', pages: '8', folder: '/a', ...change });
      return x.ok ? null : x.problems.map((p) => translate('zh-CN', p.key, p.vars));
    };
    expect(bad({})).toBeNull();
    expect(bad({ date: '2024/3/8' })).toEqual(['日期「2024/3/8」的写法不对：应为 年-月-日，如 2024-03-08']);
    expect(bad({ date: '' })).toEqual(['请填写出版日期']);
    expect(bad({ pages: '201' })).toEqual(['版数「201」无效：应为 1–200 的整数']);
    expect(bad({ pages: '4.5' })).toEqual(['版数「4.5」无效：应为 1–200 的整数']);
    expect(bad({ paper: '报'.repeat(101) })).toEqual(['报名过长（最多 100 字）']);
  });

  it('moves the folder into a location the user chose, keeping a name they typed', () => {
    let d = editDraft(initialDraft(DOCS, at), { paper: '济宁日报' });
    d = chooseLocation(d, '/srv/版面');
    expect([d.location, d.folder]).toEqual(['/srv/版面', '/srv/版面/济宁日报-2024-03-08']);
    // Still following the paper and date, now in the chosen place; a bare name resolves there too.
    expect(editDraft(d, { date: '2024-03-10' }).folder).toBe('/srv/版面/济宁日报-2024-03-10');
    expect(newIssuePayload(editDraft(d, { folder: '三月八日' }))).toMatchObject({ ok: true, payload: { path: '/srv/版面/三月八日' } });
    const named = chooseLocation(editDraft(d, { folder: '/tmp/三月八日' }), 'D:\\报社');
    expect(named.folder).toBe('D:\\报社\\三月八日');
    expect(folderName('C:\\a\\b\\')).toBe('b');
  });
});
