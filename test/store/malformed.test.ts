// Fault injection (d): malformed issues, each made from a valid base by one change. Each must give a
// message naming the file and the reason, never a crash, and never lead to the bad file being overwritten.
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAsset, openIssue, saveStory, StoreError, type OpenedIssue } from '../../src/main/store';
import { cleanupTemp, makeIssue, makeStory, tempDir } from './helpers';

afterAll(cleanupTemp);

let base = '';
let outside = '';
const JPEG = '/usr/share/backgrounds/mate/nature/Aqua.jpg';

beforeAll(async () => {
  base = await makeIssue(path.join(tempDir(), 'base.yeban'), ['a1', 'b2']);
  const { asset } = await importAsset(base, JPEG);
  const meta = JSON.parse(readFileSync(path.join(base, 'issue.json'), 'utf8'));
  meta.pages[0].frames = [{ kind: 'text', id: 'f1', storyId: 'a1', col: 0, span: 2, line: 0, lines: 10 }];
  writeFileSync(path.join(base, 'issue.json'), JSON.stringify(meta, null, 2));
  const a1 = JSON.parse(readFileSync(path.join(base, 'stories/a1.json'), 'utf8'));
  a1.photos = [{ assetId: asset.id, caption: '图', credit: '' }];
  writeFileSync(path.join(base, 'stories/a1.json'), JSON.stringify(a1, null, 2));
  outside = tempDir('yeban-outside-');
  writeFileSync(path.join(outside, 'secret.json'), JSON.stringify(makeStory('b2')));
  expect((await openIssue(base)).problems).toEqual([]);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const editJson = (dir: string, rel: string, f: (j: Json) => void): void => {
  const file = path.join(dir, rel);
  const j = JSON.parse(readFileSync(file, 'utf8'));
  f(j);
  writeFileSync(file, JSON.stringify(j, null, 2));
};
const write = (dir: string, rel: string, text: string | Buffer): void => writeFileSync(path.join(dir, rel), text);
const assetOf = (dir: string): string => JSON.parse(readFileSync(path.join(dir, 'issue.json'), 'utf8')).assets[0].id;

interface Fatal { kind: StoreError['kind']; file: string; says: RegExp; field?: string }
interface Partial { problem?: { file: string; kind: StoreError['kind']; says: RegExp; field?: string }; finding?: RegExp; check?: (o: OpenedIssue) => void }
interface Fixture { name: string; make: (dir: string) => void; fatal?: Fatal; partial?: Partial }

const fixtures: Fixture[] = [
  // issue.json: syntax and shape
  { name: 'issue.json cut off mid-file', make: (d) => write(d, 'issue.json', readFileSync(path.join(d, 'issue.json'), 'utf8').slice(0, 300)), fatal: { kind: 'invalid', file: 'issue.json', says: /JSON 语法错误/ } },
  { name: 'issue.json empty', make: (d) => write(d, 'issue.json', ''), fatal: { kind: 'invalid', file: 'issue.json', says: /文件是空的/ } },
  { name: 'issue.json binary garbage', make: (d) => write(d, 'issue.json', Buffer.from([0, 159, 146, 150, 0, 1])), fatal: { kind: 'invalid', file: 'issue.json', says: /JSON 语法错误/ } },
  { name: 'issue.json is an array', make: (d) => write(d, 'issue.json', '[1,2]'), fatal: { kind: 'invalid', file: 'issue.json', says: /不是 JSON 对象/ } },
  { name: 'issue.json missing', make: (d) => rmSync(path.join(d, 'issue.json')), fatal: { kind: 'missing', file: 'issue.json', says: /文件不存在/ } },
  { name: 'issue.json is a folder', make: (d) => { rmSync(path.join(d, 'issue.json')); mkdirSync(path.join(d, 'issue.json')); }, fatal: { kind: 'invalid', file: 'issue.json', says: /文件夹/ } },
  { name: 'schemaVersion is a string', make: (d) => editJson(d, 'issue.json', (j) => { j.schemaVersion = '1'; }), fatal: { kind: 'invalid', file: 'issue.json', says: /schemaVersion 无效/, field: 'schemaVersion' } },
  { name: 'schemaVersion negative', make: (d) => editJson(d, 'issue.json', (j) => { j.schemaVersion = -1; }), fatal: { kind: 'invalid', file: 'issue.json', says: /schemaVersion 无效/ } },
  { name: 'unknown newer version whose fields do not parse', make: (d) => editJson(d, 'issue.json', (j) => { j.schemaVersion = 7; j.pages = 'gone'; }), fatal: { kind: 'newer', file: 'issue.json', says: /更新版本.*格式版本 7/, field: 'pages' } },
  { name: 'paper is a number', make: (d) => editJson(d, 'issue.json', (j) => { j.paper = 123; }), fatal: { kind: 'invalid', file: 'issue.json', says: /内容不符合期刊格式/, field: 'paper' } },
  { name: 'date in the wrong format', make: (d) => editJson(d, 'issue.json', (j) => { j.date = '2024/03/08'; }), fatal: { kind: 'invalid', file: 'issue.json', says: /日期须为 YYYY-MM-DD/, field: 'date' } },
  { name: 'zero columns', make: (d) => editJson(d, 'issue.json', (j) => { j.geometry.columns = 0; }), fatal: { kind: 'invalid', file: 'issue.json', says: /期刊格式/, field: 'geometry.columns' } },
  { name: 'pages is a string', make: (d) => editJson(d, 'issue.json', (j) => { j.pages = 'x'; }), fatal: { kind: 'invalid', file: 'issue.json', says: /期刊格式/, field: 'pages' } },
  { name: 'unknown frame kind', make: (d) => editJson(d, 'issue.json', (j) => { j.pages[0].frames[0].kind = 'banana'; }), fatal: { kind: 'invalid', file: 'issue.json', says: /期刊格式/, field: 'pages[0].frames[0].kind' } },
  { name: 'frame spans no column', make: (d) => editJson(d, 'issue.json', (j) => { j.pages[0].frames[0].span = 0; }), fatal: { kind: 'invalid', file: 'issue.json', says: /期刊格式/, field: 'pages[0].frames[0].span' } },
  { name: 'duplicate page id', make: (d) => editJson(d, 'issue.json', (j) => { j.pages[1].id = j.pages[0].id; }), fatal: { kind: 'invalid', file: 'issue.json', says: /版面编号.*重复/, field: 'pages[1].id' } },
  { name: 'story id escaping with ../', make: (d) => editJson(d, 'issue.json', (j) => { j.storyIds.push('../../etc/passwd'); }), fatal: { kind: 'path', file: 'issue.json', says: /期刊文件夹之外/, field: 'storyIds[2]' } },
  { name: 'story id that is an absolute path', make: (d) => editJson(d, 'issue.json', (j) => { j.storyIds.push('/etc/passwd'); }), fatal: { kind: 'path', file: 'issue.json', says: /期刊文件夹之外/ } },
  { name: 'story id with capitals and underscore', make: (d) => editJson(d, 'issue.json', (j) => { j.storyIds.push('A_B'); }), fatal: { kind: 'invalid', file: 'issue.json', says: /稿件编号「A_B」无效/, field: 'storyIds[2]' } },
  { name: 'story listed twice', make: (d) => editJson(d, 'issue.json', (j) => { j.storyIds.push('a1'); }), fatal: { kind: 'invalid', file: 'issue.json', says: /重复/, field: 'storyIds[2]' } },
  { name: 'asset id not a content hash', make: (d) => editJson(d, 'issue.json', (j) => { j.assets[0].id = '../x.gif'; }), fatal: { kind: 'invalid', file: 'issue.json', says: /期刊格式/, field: 'assets[0].id' } },
  { name: 'issue.json is a symlink out of the folder', make: (d) => { rmSync(path.join(d, 'issue.json')); symlinkSync(path.join(outside, 'secret.json'), path.join(d, 'issue.json')); }, fatal: { kind: 'path', file: 'issue.json', says: /符号链接指向期刊文件夹之外/ } },
  { name: 'stories folder is a symlink out', make: (d) => { rmSync(path.join(d, 'stories'), { recursive: true }); symlinkSync(outside, path.join(d, 'stories')); }, fatal: { kind: 'path', file: 'stories', says: /符号链接指向期刊文件夹之外/ } },
  { name: '.yeban folder is a symlink out (locks and history would be written elsewhere)', make: (d) => { rmSync(path.join(d, '.yeban'), { recursive: true }); symlinkSync(outside, path.join(d, '.yeban')); }, fatal: { kind: 'path', file: '.yeban', says: /符号链接指向期刊文件夹之外/ } },
  { name: 'the issue folder does not exist', make: (d) => rmSync(d, { recursive: true }), fatal: { kind: 'missing', file: '', says: /期刊文件夹不存在/ } },
  // stories: the issue opens, the bad story is reported with its last good snapshot
  { name: 'missing story file', make: (d) => rmSync(path.join(d, 'stories/b2.json')), partial: { problem: { file: 'stories/b2.json', kind: 'missing', says: /文件不存在/ } } },
  { name: 'story with bad JSON', make: (d) => write(d, 'stories/b2.json', '{"id": "b2", '), partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /JSON 语法错误/ } } },
  { name: 'story of an unknown kind', make: (d) => editJson(d, 'stories/b2.json', (j) => { j.kind = '小说'; }), partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /稿件格式/, field: 'kind' } } },
  { name: 'story whose id does not match its file', make: (d) => editJson(d, 'stories/b2.json', (j) => { j.id = 'zz'; }), partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /与文件名「b2」不符/, field: 'id' } } },
  { name: 'story body without a root', make: (d) => editJson(d, 'stories/b2.json', (j) => { delete j.body.root; }), partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /稿件格式/, field: 'body.root' } } },
  { name: 'headline line that is a number', make: (d) => editJson(d, 'stories/b2.json', (j) => { j.headline.main = [42]; }), partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /稿件格式/, field: 'headline.main[0]' } } },
  { name: 'negative revision', make: (d) => editJson(d, 'stories/b2.json', (j) => { j.revision = -3; }), partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /稿件格式/, field: 'revision' } } },
  { name: 'story file is a symlink out', make: (d) => { rmSync(path.join(d, 'stories/b2.json')); symlinkSync(path.join(outside, 'secret.json'), path.join(d, 'stories/b2.json')); }, partial: { problem: { file: 'stories/b2.json', kind: 'path', says: /符号链接指向期刊文件夹之外/ } } },
  { name: 'story file is a folder', make: (d) => { rmSync(path.join(d, 'stories/b2.json')); mkdirSync(path.join(d, 'stories/b2.json')); }, partial: { problem: { file: 'stories/b2.json', kind: 'invalid', says: /文件夹/ } } },
  // assets
  { name: 'registered photo missing', make: (d) => rmSync(path.join(d, 'assets', assetOf(d))), partial: { problem: { file: 'assets/', kind: 'missing', says: /图片文件不存在/ } } },
  { name: 'a text file posing as a JPEG', make: (d) => write(d, `assets/${assetOf(d)}`, 'hello, not a picture'), partial: { problem: { file: 'assets/', kind: 'image', says: /不是 JPEG 或 PNG 图片/ } } },
  { name: 'a PDF posing as a JPEG', make: (d) => write(d, `assets/${assetOf(d)}`, '%PDF-1.7\n%âãÏÓ\n'), partial: { problem: { file: 'assets/', kind: 'image', says: /PDF 文件/ } } },
  { name: 'a PNG registered as a JPEG', make: (d) => write(d, `assets/${assetOf(d)}`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), partial: { problem: { file: 'assets/', kind: 'image', says: /登记为 JPEG，实际是 PNG/ } } },
  { name: 'asset symlinked out of the folder', make: (d) => { rmSync(path.join(d, 'assets', assetOf(d))); copyFileSync(JPEG, path.join(outside, 'p.jpg')); symlinkSync(path.join(outside, 'p.jpg'), path.join(d, 'assets', assetOf(d))); }, partial: { problem: { file: 'assets/', kind: 'path', says: /符号链接/ } } },
  // opens, with a finding to look at
  { name: 'photo naming an unregistered asset', make: (d) => editJson(d, 'stories/a1.json', (j) => { j.photos[0].assetId = 'f'.repeat(64) + '.png'; }), partial: { finding: /未登记/ } },
  { name: 'frame pointing to a story not in the issue', make: (d) => editJson(d, 'issue.json', (j) => { j.pages[0].frames[0].storyId = 'ghost'; }), partial: { finding: /不存在的稿件「ghost」/ } },
  { name: 'damaged autosave journal entry', make: (d) => { mkdirSync(path.join(d, '.yeban/journal'), { recursive: true }); write(d, '.yeban/journal/a1.json', '{'); }, partial: { finding: /自动保存记录已损坏/ } },
  { name: 'newer version whose fields still parse opens read-only', make: (d) => editJson(d, 'issue.json', (j) => { j.schemaVersion = 9; j.futureField = { x: 1 }; }), partial: { check: (o) => { expect(o.readOnly).toBe(true); expect(o.readOnlyReason).toMatch(/格式版本 9.*只读/); } } },
  { name: 'pre-release file (version 0, pages called plates) is migrated', make: (d) => editJson(d, 'issue.json', (j) => { delete j.schemaVersion; j.plates = j.pages; delete j.pages; }), partial: { finding: /从格式版本 0 升级/, check: (o) => expect(o.meta.pages.length).toBe(4) } },
  { name: 'a byte-order mark before the JSON is tolerated', make: (d) => write(d, 'issue.json', '\ufeff' + readFileSync(path.join(d, 'issue.json'), 'utf8')), partial: { check: (o) => expect(o.problems).toEqual([]) } },
];

describe('malformed issues: a clear message, no crash', () => {
  it('has at least 30 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  for (const fx of fixtures) {
    it(fx.name, async () => {
      const dir = path.join(tempDir('yeban-bad-'), 'x.yeban');
      cpSync(base, dir, { recursive: true });
      fx.make(dir);
      if (fx.fatal) {
        let err: unknown;
        try {
          await openIssue(dir);
        } catch (e) {
          err = e;
        }
        expect(err, 'openIssue must refuse').toBeInstanceOf(StoreError);
        const se = err as StoreError;
        expect(se.kind).toBe(fx.fatal.kind);
        if (fx.fatal.file) expect(se.file).toBe(fx.fatal.file);
        expect(se.message).toMatch(fx.fatal.says);
        if (fx.fatal.field) expect(se.fields.map((f) => f.path)).toContain(fx.fatal.field);
        if (fx.fatal.kind === 'invalid' && fx.fatal.file === 'issue.json') expect(se.lastGoodSnapshot).toMatch(/^\d{8}T/);
        return;
      }
      const o = await openIssue(dir);
      const p = fx.partial!;
      if (p.problem) {
        const found = o.problems.find((x) => x.file.startsWith(p.problem!.file));
        expect(found, JSON.stringify(o.problems)).toBeDefined();
        expect(found!.kind).toBe(p.problem.kind);
        expect(found!.message).toMatch(p.problem.says);
        expect(found!.message).toContain(found!.file);
        if (p.problem.field) expect(found!.fields.map((f) => f.path)).toContain(p.problem.field);
        if (p.problem.file.startsWith('stories/')) {
          // The other story still opens, the broken one offers its last good snapshot and is never saved over.
          expect(Object.keys(o.stories)).toEqual(['a1']);
          expect(found!.lastGoodSnapshot).toMatch(/^\d{8}T/);
          const file = path.join(dir, p.problem.file);
          let before: Buffer | null = null;
          try {
            before = readFileSync(file);
          } catch {
            before = null;
          }
          if (before) {
            await expect(saveStory(dir, makeStory('b2', '新内容'))).rejects.toThrow(StoreError);
            expect(readFileSync(file).equals(before)).toBe(true);
          }
        }
      }
      if (p.finding) expect(o.findings.map((f) => f.message).join('\n')).toMatch(p.finding);
      p.check?.(o);
    });
  }
});
