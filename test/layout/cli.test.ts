import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliContext } from '../../src/cli/context';
import { runCli } from '../../src/cli/program';

const SAMPLE = path.resolve(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban');
let tmp: string;

function ctx(): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: tmp };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yeban-layout-'));
  await cp(SAMPLE, path.join(tmp, 'sample.yeban'), { recursive: true });
  // A copy whose lead story lost most of its frame: overset.
  await cp(SAMPLE, path.join(tmp, 'short.yeban'), { recursive: true });
  const file = path.join(tmp, 'short.yeban', 'issue.json');
  const issue = JSON.parse(await readFile(file, 'utf8'));
  const frame = issue.pages[0].frames.find((f: { kind: string; storyId?: string }) => f.kind === 'text' && f.storyId === 'zhaoshang-yinqiang');
  frame.lines = 4;
  await writeFile(file, JSON.stringify(issue));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('yeban layout / render', () => {
  it('reports every story of the sample page and exits 0 when nothing needs fixing', async () => {
    const c = ctx();
    expect(await runCli(['layout', 'sample.yeban'], c)).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('第 07 版 太白湖新区');
    expect(text).toContain('[zhaoshang-yinqiang]');
    expect(text).not.toContain('超出');
  });

  it('exits 1 and says how much is overset', async () => {
    const c = ctx();
    expect(await runCli(['layout', 'short.yeban', '--json'], c)).toBe(1);
    const report = JSON.parse(c.out.join(''));
    const lead = report.stories.find((s: { storyId: string }) => s.storyId === 'zhaoshang-yinqiang');
    expect(lead.oversetChars).toBeGreaterThan(500);
    expect(lead.oversetLines).toBeGreaterThan(40);
    expect(lead.frames[0]).toMatchObject({ capacity: 20, used: 20, full: true });
  });

  it('writes a page as SVG outlines and as PNG; refuses other extensions and unknown pages', async () => {
    const c = ctx();
    expect(await runCli(['render', 'sample.yeban', '--page', '07', '-o', 'p.svg'], c)).toBe(0);
    const svg = await readFile(path.join(tmp, 'p.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toContain('<text');
    expect(await runCli(['render', 'sample.yeban', '-o', 'p.png', '--width', '400'], c)).toBe(0);
    const png = await readFile(path.join(tmp, 'p.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await runCli(['render', 'sample.yeban', '-o', 'p.pdf'], ctx())).toBe(2);
    const bad = ctx();
    expect(await runCli(['render', 'sample.yeban', '--page', '12', '-o', 'p.svg'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('没有这个版面');
  });
});
