// yeban new | info | history | restore, driven through the CLI entry (runCli, and once as a real process).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { type CliContext } from '../../src/cli/context';
import { openIssue, saveStory, addStory } from '../../src/main/store';
import { cleanupTemp, makeStory, tempDir } from './helpers';

afterAll(cleanupTemp);

const root = path.resolve(import.meta.dirname, '../..');

async function yeban(args: string[], cwd = root): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd };
  const code = await runCli(args, ctx);
  return { code, out: out.join(''), err: err.join('') };
}

describe('yeban new', () => {
  it('creates a broadsheet issue that opens', async () => {
    const dir = path.join(tempDir(), '2024-03-08-济宁日报.yeban');
    const r = await yeban(['new', dir, '--paper', '济宁日报', '--date', '2024-03-08', '--pages', '8', '--size', 'broadsheet']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已新建期刊');
    const o = await openIssue(dir);
    expect(o.meta).toMatchObject({ paper: '济宁日报', date: '2024-03-08', geometry: { preset: 'broadsheet', columns: 8 } });
    expect(o.meta.pages.map((p) => p.number)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08']);
  });

  it('takes tabloid and custom sizes, relative to the working folder', async () => {
    const cwd = tempDir();
    expect((await yeban(['new', 't.yeban', '--paper', '周刊', '--date', '2024-03-09', '--pages', '4', '--size', 'tabloid'], cwd)).code).toBe(0);
    expect((await openIssue(path.join(cwd, 't.yeban'))).meta.geometry.preset).toBe('tabloid');
    expect((await yeban(['new', 'c.yeban', '--paper', '特刊', '--date', '2024-03-09', '--pages', '2', '--size', '300x420mm'], cwd)).code).toBe(0);
    const g = (await openIssue(path.join(cwd, 'c.yeban'))).meta.geometry;
    expect(g).toMatchObject({ preset: 'custom', trimWidthMm: 300, trimHeightMm: 420 });
    // The custom grid fits its trim: type area within the page, about 13 characters to a column.
    expect((g.columns * g.charsPerColumn + (g.columns - 1) * g.gutterChars) * g.bodySizePt).toBeLessThan((300 / 25.4) * 72);
    expect(g.charsPerColumn).toBeGreaterThanOrEqual(11);
  });

  it('usage mistakes exit 2 with the reason; an existing folder exits 1 and is untouched', async () => {
    const cwd = tempDir();
    const bad = [
      [['new', 'x', '--paper', 'p', '--date', '2024-3-8', '--pages', '2'], /--date 应为 YYYY-MM-DD/],
      [['new', 'x', '--paper', 'p', '--date', '2024-03-08', '--pages', 'two'], /--pages 应为正整数/],
      [['new', 'x', '--paper', 'p', '--date', '2024-03-08', '--pages', '2', '--size', 'A3'], /无法识别的版面尺寸「A3」/],
      [['new', 'x', '--paper', 'p', '--date', '2024-03-08', '--pages', '0'], /版数 0 无效/],
      [['new', 'x', '--paper', 'p', '--date', '2024-02-30', '--pages', '2'], /日期「2024-02-30」不存在|日期/],
      [['new', 'x', '--date', '2024-03-08', '--pages', '2'], /--paper/],
    ] as const;
    for (const [args, why] of bad) {
      const r = await yeban([...args], cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(why);
    }
    mkdirSync(path.join(cwd, 'full'));
    writeFileSync(path.join(cwd, 'full', 'notes.txt'), 'mine');
    const r = await yeban(['new', 'full', '--paper', 'p', '--date', '2024-03-08', '--pages', '2'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不会覆盖');
    expect(readFileSync(path.join(cwd, 'full', 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('yeban info, history, restore', () => {
  it('info lists pages, stories, locks and findings; --json gives the same data', async () => {
    const dir = path.join(tempDir(), 'i.yeban');
    await yeban(['new', dir, '--paper', '济宁日报', '--date', '2024-03-08', '--pages', '2']);
    await addStory(dir, makeStory('a1', '太白湖新区今天召开会议。'));
    const r = await yeban(['info', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/济宁日报\s+2024-03-08/);
    expect(r.out).toContain('版（2）');
    expect(r.out).toMatch(/a1\s+稿件a1\s+消息\s+草稿\s+12 字/);
    expect(r.out).toContain('问题（0）');
    const j = await yeban(['info', dir, '--json']);
    const data = JSON.parse(j.out);
    expect(data.stories).toEqual([expect.objectContaining({ id: 'a1', chars: 12, revision: 1 })]);
    expect(data.pages).toHaveLength(2);
    expect(data.locks).toEqual([]);
  });

  it('info exits 1 and names the file, reason and last good snapshot when a story is broken', async () => {
    const dir = path.join(tempDir(), 'i.yeban');
    await yeban(['new', dir, '--paper', '济宁日报', '--date', '2024-03-08', '--pages', '2']);
    await addStory(dir, makeStory('a1'));
    writeFileSync(path.join(dir, 'stories/a1.json'), '{"id":');
    const r = await yeban(['info', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/错误 {2}stories\/a1\.json：JSON 语法错误/);
    expect(r.out).toMatch(/可用快照 \d{8}T\S+ 恢复/);
  });

  it('info on something that is not an issue exits 1 with the reason', async () => {
    const r = await yeban(['info', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/issue\.json：文件不存在/);
  });

  it('history lists snapshots newest first; restore brings back a story or the whole issue', async () => {
    const dir = path.join(tempDir(), 'h.yeban');
    await yeban(['new', dir, '--paper', '济宁日报', '--date', '2024-03-08', '--pages', '2']);
    await addStory(dir, makeStory('a1'));
    const first = (await openIssue(dir)).stories.a1!;
    await saveStory(dir, { ...first, slug: '第二稿' }, { baseRevision: first.revision });
    const h = await yeban(['history', dir]);
    expect(h.code).toBe(0);
    const lines = h.out.trim().split('\n');
    expect(lines[0]).toMatch(/增量 .* 保存稿件 a1 {2}stories\/a1\.json$/);
    expect(lines.at(-1)).toMatch(/完整 .* 新建期刊 {2}issue\.json$/);
    const snaps = JSON.parse((await yeban(['history', dir, '--json'])).out) as { id: string; reason: string }[];
    const firstSave = snaps.filter((s) => s.reason === '保存稿件 a1').at(-1)!;

    const r = await yeban(['restore', dir, firstSave.id, '--story', 'a1']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('stories/a1.json');
    expect((await openIssue(dir)).stories.a1!.slug).toBe('稿件a1');

    const created = snaps.at(-1)!;
    const whole = await yeban(['restore', dir, created.id]);
    expect(whole.code, whole.err).toBe(0);
    expect((await openIssue(dir)).meta.storyIds).toEqual([]);

    const bad = await yeban(['restore', dir, 'nonsense-id']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('没有这个历史快照');
    expect((await yeban(['restore', dir, created.id, '--story', '../x'])).code).toBe(2);
    expect((await yeban(['history', tempDir()])).code).toBe(1);
  });

  it('runs as a real process through src/cli/index.ts', async () => {
    const dir = path.join(tempDir(), 'p.yeban');
    const run = promisify(execFile);
    const tsx = ['--import', 'tsx', path.join(root, 'src/cli/index.ts')];
    await run(process.execPath, [...tsx, 'new', dir, '--paper', '济宁日报', '--date', '2024-03-08', '--pages', '3', '--size', 'tabloid'], { cwd: root });
    const { stdout } = await run(process.execPath, [...tsx, 'info', dir, '--json'], { cwd: root });
    expect(JSON.parse(stdout).pages).toHaveLength(3);
    const fail = await run(process.execPath, [...tsx, 'info', path.join(dir, 'nope')], { cwd: root }).then(() => 0, (e: { code: number }) => e.code);
    expect(fail).toBe(1);
  });
});
