import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliContext } from '../../src/cli/context';
import { runCli } from '../../src/cli/program';
import { createIssue, openIssue } from '../../src/main/store/index';
import { pageGrid, spanWidth } from '../../src/core/layout/grid';
import { run } from '../pdf/tools';
import { PHOTOS, ROOT, SAMPLE_ISSUE, SAMPLE_TXT } from './fixtures';

function capture(cwd: string): CliContext & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, out: () => out.join(''), err: () => err.join('') };
}

let tmp: string;
let issue: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'yeban-text-'));
  issue = path.join(tmp, 'issue.yeban');
  await createIssue(issue, { paper: '济宁日报', date: '2024-03-08', pages: 4, size: 'broadsheet' });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('yeban import / yeban check', () => {
  it('imports the sample page into an issue, printing every decision', async () => {
    const ctx = capture(ROOT);
    expect(await runCli(['import', SAMPLE_TXT, '--into', issue, '--page', '1'], ctx)).toBe(0);
    const out = ctx.out();
    expect(out).toContain('导入 13 篇稿件');
    expect(out).toContain('识别电头：“本报济宁讯(通讯员 刘春雷)” → “本报济宁讯（通讯员\\u3000刘春雷）”');
    expect(out).toContain('合并被分栏截断的段落（未加空格，请核对）：“提\\n\\n高” → “提高”');
    expect(out).toContain('待补图片：p1-06 ■通讯员\\u3000万众\\u3000摄');
    const opened = await openIssue(issue, { readOnly: true });
    expect(opened.meta.storyIds).toHaveLength(13);
    expect(opened.stories['p1-01']!.importNotes.length).toBeGreaterThan(10);
  });

  it('check lists what an editor must fix and exits 1', async () => {
    const ctx = capture(ROOT);
    expect(await runCli(['check', issue], ctx)).toBe(1);
    expect(ctx.out()).toContain('[繁体字] “範”是繁体字，简体文本中应为“范”；建议改为“范”');
    expect(ctx.out()).toContain('13 篇稿件，3 处问题');
    const json = capture(ROOT);
    expect(await runCli(['check', issue, '--json'], json)).toBe(1);
    const findings = JSON.parse(json.out()) as { storyId: string; rule: string; offset: number }[];
    expect(findings.map((f) => f.rule).sort()).toEqual(['latin-word', 'repeat-item', 'traditional']);
  });

  it('a second import gets new ids, --json writes the decisions, accepted terms silence check', async () => {
    const file = path.join(tmp, 'photos.txt');
    await writeFile(file, PHOTOS);
    const ctx = capture(tmp);
    expect(await runCli(['import', 'photos.txt', '--into', 'issue.yeban', '--page', '1', '--json'], ctx)).toBe(0);
    const report = JSON.parse(ctx.out()) as { stories: { id: string; importNotes: { rule: string }[] }[]; photosAwaiting: unknown[] };
    expect(report.stories.map((s) => s.id)).toEqual(['p1-14', 'p1-15']);
    expect(report.photosAwaiting).toHaveLength(2);
    expect(report.stories[0]!.importNotes.map((n) => n.rule)).toContain('photo.credit');

    const meta = JSON.parse(await readFile(path.join(issue, 'issue.json'), 'utf8')) as { house: { dictionary: string[] } };
    meta.house.dictionary = ['防範', 'and', '精细化、精准化、精细化'];
    await writeFile(path.join(issue, 'issue.json'), JSON.stringify(meta, null, 2));
    const check = capture(ROOT);
    expect(await runCli(['check', issue], check)).toBe(0);
    expect(check.out()).toContain('15 篇稿件未发现问题');
  });

  it('reads GB18030 copy', async () => {
    const file = path.join(tmp, 'gbk.txt');
    // “本报讯（记者 甲某）今天。” in GB18030.
    await writeFile(file, Buffer.from('b1beb1a8d1b6a3a8bcc7d5df20bcd7c4b3a3a9bdf1cceca1a3', 'hex'));
    const ctx = capture(tmp);
    expect(await runCli(['import', file, '--into', issue], ctx)).toBe(0);
    expect(ctx.out()).toContain('按 GB18030 编码读取');
  });

  it('says clearly what is wrong with bad arguments', async () => {
    const missing = capture(ROOT);
    expect(await runCli(['import', path.join(tmp, 'nope.txt'), '--into', issue], missing)).toBe(1);
    expect(missing.err()).toContain('文件不存在或无法读取');
    const page = capture(ROOT);
    expect(await runCli(['import', SAMPLE_TXT, '--into', issue, '--page', '9'], page)).toBe(2);
    expect(page.err()).toContain('期刊只有 4 个版面');
    const noIssue = capture(ROOT);
    expect(await runCli(['check', path.join(tmp, 'none.yeban')], noIssue)).toBe(1);
    expect(noIssue.err()).toContain('无法打开期刊');
  });
});

describe('yeban import --auto-layout', () => {
  it('composes the sample page onto an empty page and refuses a page that has frames', async () => {
    const dir = path.join(tmp, 'auto.yeban');
    await createIssue(dir, { paper: '济宁日报', date: '2024-03-08', pages: 2, size: 'broadsheet' });
    const ctx = capture(ROOT);
    expect(await runCli(['import', SAMPLE_TXT, '--into', dir, '--page', '1', '--auto-layout'], ctx)).toBe(0);
    expect(ctx.out()).toContain('自动排版第1版');
    expect(ctx.out()).toContain('第1版稿件，已排上版面');
    const opened = await openIssue(dir, { readOnly: true });
    const frames = opened.meta.pages[0]!.frames;
    expect(frames.filter((f) => f.kind === 'text').length).toBeGreaterThanOrEqual(11);
    expect(frames.filter((f) => f.kind === 'image')).toHaveLength(3);
    expect(opened.meta.pages[1]!.frames).toEqual([]);
    // The lead's headline names the lead style, which auto-layout added to the issue's styles.
    const lead = frames.find((f) => f.kind === 'headline')!;
    expect(lead.kind === 'headline' && lead.style).toBe('leadHeadline');
    expect(opened.meta.styles.paragraph.some((p) => p.id === 'leadHeadline')).toBe(true);
    expect(ctx.out()).toContain('每栏文字末行距框底最多 1 行');

    const again = capture(ROOT);
    expect(await runCli(['import', SAMPLE_TXT, '--into', dir, '--page', '1', '--auto-layout'], again)).toBe(2);
    expect(again.err()).toContain('第1版已有版面内容');
    const noPage = capture(ROOT);
    expect(await runCli(['import', SAMPLE_TXT, '--into', dir, '--auto-layout'], noPage)).toBe(2);
    expect(noPage.err()).toContain('--auto-layout 需要 --page');
  });
});

describe('yeban import --assets', () => {
  it('gives waiting photos the pictures of a folder, in order, and registers them', async () => {
    const dir = path.join(tmp, 'assets.yeban');
    await createIssue(dir, { paper: '济宁日报', date: '2024-03-08', pages: 1, size: 'broadsheet' });
    const file = path.join(tmp, 'photos2.txt');
    await writeFile(file, PHOTOS);
    const ctx = capture(ROOT);
    expect(await runCli(['import', file, '--into', dir, '--assets', path.join(SAMPLE_ISSUE, 'assets')], ctx)).toBe(0);
    // The folder's pictures are handed out in file-name order.
    const first = (await readdir(path.join(SAMPLE_ISSUE, 'assets'))).filter((f) => f.endsWith('.jpg')).sort()[0]!;
    expect(ctx.out()).toContain(`图片 ${first} → story-01 第1张`);
    const opened = await openIssue(dir, { readOnly: true });
    const photos = opened.meta.storyIds.flatMap((id) => opened.stories[id]!.photos);
    expect(photos.every((p) => p.assetId !== null)).toBe(true);
    expect(opened.meta.assets).toHaveLength(2);
    expect(ctx.out()).not.toContain('待补图片');
  });
});

describe('import then export, photos not yet in', () => {
  it('preflight holds the page back, naming each awaited photo; --force writes it with empty picture frames', async () => {
    const dir = path.join(tmp, 'awaiting.yeban');
    await createIssue(dir, { paper: '济宁日报', date: '2024-03-08', pages: 1, size: 'broadsheet' });
    expect(await runCli(['import', SAMPLE_TXT, '--into', dir, '--page', '1', '--auto-layout'], capture(ROOT))).toBe(0);

    const held = capture(tmp);
    expect(await runCli(['export', dir, '-o', 'held'], held)).toBe(1);
    const said = held.out() + held.err();
    expect(said).toMatch(/第 01 版：稿件「[^」]+」的第 1 张图片尚未到稿/);
    expect(said).not.toMatch(/EISDIR|无法读取/);
    expect(await readdir(path.join(tmp, 'held'))).not.toContain('20240308_01.pdf');

    const forced = capture(tmp);
    expect(await runCli(['export', dir, '-o', 'forced', '--force'], forced)).toBe(1);
    const pdf = path.join(tmp, 'forced', '20240308_01.pdf');
    expect(run('qpdf', ['--check', pdf]).code).toBe(0);
    expect(run('pdfimages', ['-list', pdf]).out.trim().split('\n')).toHaveLength(2); // header lines only: no picture
    const manifest = JSON.parse(await readFile(path.join(tmp, 'forced', 'manifest.json'), 'utf8')) as { files: { findings: { code: string }[] }[] };
    expect(manifest.files[0]!.findings.filter((f) => f.code === 'image-missing').length).toBeGreaterThanOrEqual(3);
  });
});

describe('import --auto-layout with the photos', () => {
  it('sizes every picture near its photo and within the resolution the house asks for, so the page exports clean', async () => {
    const dir = path.join(tmp, 'with-photos.yeban');
    await createIssue(dir, { paper: '济宁日报', date: '2024-03-08', pages: 1, size: 'broadsheet' });
    expect(await runCli(['import', SAMPLE_TXT, '--into', dir, '--page', '1', '--auto-layout', '--assets', path.join(SAMPLE_ISSUE, 'assets')], capture(ROOT))).toBe(0);
    const opened = await openIssue(dir, { readOnly: true });
    const grid = pageGrid(opened.meta.geometry);
    const pictures = opened.meta.pages[0]!.frames.flatMap((f) => (f.kind === 'image' ? [f] : []));
    expect(pictures).toHaveLength(3);
    for (const f of pictures) {
      const asset = opened.meta.assets.find((a) => a.id === opened.stories[f.storyId]!.photos[f.photoIndex]!.assetId)!;
      const w = spanWidth(grid, f.span);
      const h = (f.lines - f.captionLines) * grid.pitch;
      expect(Math.min((asset.widthPx * 72) / w, (asset.heightPx * 72) / h)).toBeGreaterThanOrEqual(opened.meta.house.output.minImagePpi);
      // Cut no more than the planner allows (15 %), give or take a line of rounding.
      expect(Math.abs(Math.log(w / h / (asset.widthPx / asset.heightPx)))).toBeLessThan(Math.log(1.15) + (grid.pitch / h) * 1.5);
    }
    const out = capture(tmp);
    expect(await runCli(['export', dir, '-o', 'with-photos.pdf'], out)).toBe(0);
    expect(out.out() + out.err()).not.toMatch(/错误|警告/);
  });
});
