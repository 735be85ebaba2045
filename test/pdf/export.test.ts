import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { parsePageList } from '../../src/cli/commands/export';
import { type DisplayList, type DisplayPage } from '../../src/core/display/types';
import { DEFAULT_HOUSE } from '../../src/core/model/house';
import { exportPdf, pageFileName, type ExportSettings } from '../../src/main/services/export-pdf';
import { GETA, SERIF, line, registry, samplePage } from './fixture';
import { pdffonts, run, tempDir } from './tools';

const SAMPLE_ISSUE = join(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban');

let list: DisplayList;
let assetsDir: string;

beforeAll(async () => {
  const clean = await samplePage([{ kind: 'image', assetId: 'photo.jpg', x: 200, y: 80, w: 72, h: 54, src: null }]);
  const bad = await line({ text: `缺字${String.fromCodePoint(GETA)}`, style: SERIF, x: 20, y: 40, size: 12, storyId: 'bad' });
  bad[2] = { ...bad[2]!, text: '\u{2A6A5}', missing: true, color: { c: 0, m: 1, y: 0, k: 0 } };
  const broken: DisplayPage = { pageId: 'p2', number: 'A02', width: 200, height: 80, items: bad, faces: registry.faceTable(), frames: [] };
  list = { issueTitle: '济宁日报 2024-03-08', pages: [{ ...clean, faces: registry.faceTable() }, broken] };
  assetsDir = tempDir();
  // An RGB photo: the export converts it to CMYK for PDF/X-1a and says so.
  await sharp({ create: { width: 300, height: 225, channels: 3, background: '#4080c0' } }).jpeg().toFile(join(assetsDir, 'photo.jpg'));
});

function settings(output: string, over: Partial<ExportSettings> = {}): ExportSettings {
  return { output, split: true, pdfx: '1a', bleedMm: 3, marks: true, force: false, now: new Date('2024-03-08T20:00:00Z'), ...over };
}

const input = () => ({ display: list, assetsDir, issueDate: '2024-03-08', output: DEFAULT_HOUSE.output });

describe('export service', () => {
  it('names page files YYYYMMDD_<版次>.pdf', () => {
    expect(pageFileName('2024-03-08', 'A03')).toBe('20240308_A03.pdf');
    expect(() => pageFileName('8.3.2024', 'A03')).toThrow(/YYYY-MM-DD/);
  });

  it('writes clean pages, holds back a page with errors, and lists both in manifest.json', async () => {
    const dir = tempDir();
    const progress: string[] = [];
    const out = await exportPdf(input(), settings(dir, { onProgress: (d, t, p) => progress.push(`${d}/${t} ${p}`) }));
    expect(out.held).toEqual(['A02']);
    expect(out.errors).toBe(true);
    expect(progress).toEqual(['1/2 A01', '2/2 A02']);
    expect(readdirSync(dir).sort()).toEqual(['20240308_A01.pdf', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.pdfx).toBe('PDF/X-1a:2003');
    const file = manifest.files[0];
    const bytes = readFileSync(join(dir, file.file));
    expect(file).toMatchObject({ file: '20240308_A01.pdf', pages: ['A01'], bytes: bytes.length });
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file.findings.map((f: { code: string }) => f.code)).toEqual(['image-converted']);
    expect(manifest.held[0].page).toBe('A02');
    expect(manifest.held[0].findings[0]).toMatchObject({ code: 'missing-glyph', severity: 'error' });
    // The converted photo went in as CMYK.
    expect(run('pdfimages', ['-list', join(dir, file.file)]).out).toMatch(/cmyk\s+4\s+8\s+jpeg/);
    expect(run('qpdf', ['--check', join(dir, file.file)]).code).toBe(0);
  });

  it('with force writes every page and still reports the errors; without, a stale file of a held page goes', async () => {
    const dir = tempDir();
    const out = await exportPdf(input(), settings(dir, { force: true }));
    expect(out.held).toEqual([]);
    expect(out.errors).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { file: string }) => f.file)).toEqual(['20240308_A01.pdf', '20240308_A02.pdf']);
    expect(manifest.files[1].findings[0].code).toBe('missing-glyph');
    expect(pdffonts(join(dir, '20240308_A02.pdf')).every((f) => f.emb === 'yes' && f.sub === 'yes')).toBe(true);
    await exportPdf(input(), settings(dir));
    expect(readdirSync(dir).sort()).toEqual(['20240308_A01.pdf', 'manifest.json']);
  });

  it('writes one PDF for the issue, or none when a page is held back', async () => {
    const dir = tempDir();
    const whole = join(dir, 'issue.pdf');
    const held = await exportPdf(input(), settings(whole, { split: false }));
    expect(held.held).toEqual(['A02']);
    expect(existsSync(whole)).toBe(false);
    const one = await exportPdf(input(), settings(whole, { split: false, pages: [0] }));
    expect(one.errors).toBe(false);
    expect(run('pdfinfo', [whole]).out).toMatch(/Pages:\s+1/);
    const both = await exportPdf(input(), settings(whole, { split: false, force: true }));
    expect(both.files[0]!.pages).toEqual(['A01', 'A02']);
    expect(run('pdfinfo', [whole]).out).toMatch(/Pages:\s+2/);
    expect(existsSync(join(dir, 'issue.manifest.json'))).toBe(true);
  });
});

describe('yeban export', () => {
  const ctx = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: tempDir() };
  };

  it('parses page lists', () => {
    expect(parsePageList('1,3-4', 5)).toEqual([0, 2, 3]);
    expect(() => parsePageList('2-1', 5)).toThrow(/范围/);
    expect(() => parsePageList('7', 5)).toThrow(/只有 5 个版面/);
    expect(() => parsePageList('a', 5)).toThrow(/写法/);
  });

  it('exports the sample issue as PDF/X-1a with marks and bleed', async () => {
    const c = ctx();
    const code = await runCli(['export', SAMPLE_ISSUE, '-o', 'out', '--marks', '--bleed', '3'], c);
    expect(c.err.join('')).not.toMatch(/错误/);
    expect(code).toBe(0);
    const dir = join(c.cwd, 'out');
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(files).toEqual(['20240308_07.pdf']);
    const pdf = join(dir, files[0]!);
    expect(run('qpdf', ['--check', pdf]).code).toBe(0);
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(5);
    expect(fonts.every((f) => f.emb === 'yes' && f.sub === 'yes' && f.uni === 'yes')).toBe(true);
    const text = run('pdftotext', ['-raw', pdf, '-']).out;
    expect(text).toContain('太白湖新区');
    expect(readFileSync(pdf).subarray(0, 8).toString()).toBe('%PDF-1.4');
  });

  it('rejects usage mistakes with exit code 2', async () => {
    const c = ctx();
    expect(await runCli(['export', SAMPLE_ISSUE, '-o', 'x.pdf', '--split'], c)).toBe(2);
    expect(await runCli(['export', SAMPLE_ISSUE, '-o', 'x.pdf', '--pdfx', '4'], c)).toBe(2);
    expect(await runCli(['export', SAMPLE_ISSUE, '-o', 'x.pdf', '--pages', '9'], c)).toBe(2);
    expect(c.err.join('')).toMatch(/split/);
  });
});
