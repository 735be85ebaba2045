// PDF export costs: the sample page in-process (preflight + PDF/X-1a + files + manifest; fonts already
// parsed, photo conversions not cached in memory), the whole `yeban export` process, a 24-page generated
// issue, and the size of a page without photos. Like a re-export during the night, both timings find the
// unpacked fonts and the photos' measured ink in the user cache folder (the first run puts them there).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BenchCase } from './harness';
import { generateIssue, SAMPLE_ISSUE_DIR, writeIssueFolder } from './generate-issue';
import { type DisplayList } from '../src/core/display/types';
import { FontRegistry } from '../src/core/fonts';
import { LayoutEngine, type LayoutResult } from '../src/core/layout';
import { ComposeTypesetter } from '../src/core/layout/compose-typesetter';
import { DEFAULT_HOUSE } from '../src/core/model/house';
import { type IssueMeta, type Story } from '../src/core/model';
import { writePdf } from '../src/core/pdf';
import { nodeFontLoader } from '../src/main/fonts/node-font-loader';
import { openIssue } from '../src/main/store';
import { clearImageCache } from '../src/main/services/export-images';
import { exportPdf } from '../src/main/services/export-pdf';

const exec = promisify(execFile);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

interface Laid {
  readonly meta: IssueMeta;
  readonly dir: string;
  readonly result: LayoutResult;
}

async function layoutOf(meta: IssueMeta, stories: Map<string, Story>, dir: string): Promise<Laid> {
  const fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  const ts = new ComposeTypesetter(fonts, meta.styles, meta.house);
  await ts.prepare(meta, stories);
  return { meta, dir, result: new LayoutEngine(ts).layout(meta, stories) };
}

async function sample(): Promise<Laid> {
  const opened = await openIssue(SAMPLE_ISSUE_DIR, { readOnly: true });
  return layoutOf(opened.meta, new Map(Object.entries(opened.stories)), opened.dir);
}

function exportOf(laid: Laid, out: string, split: boolean): ReturnType<typeof exportPdf> {
  const pageIds = new Map<string, string[]>();
  for (const p of laid.meta.pages) for (const f of p.frames) if ('storyId' in f && f.storyId) pageIds.set(f.storyId, [...(pageIds.get(f.storyId) ?? []), p.id]);
  return exportPdf(
    {
      display: laid.result.display,
      assetsDir: path.join(laid.dir, 'assets'),
      issueDate: laid.meta.date,
      output: laid.meta.house.output,
      overset: laid.result.report.stories.map((s) => ({ ...s, pageIds: pageIds.get(s.storyId) ?? [] })),
    },
    { output: out, split, pdfx: '1a', bleedMm: 3, marks: true, force: true },
  );
}

const withoutPhotos = (d: DisplayList): DisplayList => ({ ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.kind !== 'image') })) });

let laidSample: Laid | undefined;
let laid24: Laid | undefined;
let tmp = '';
const need = <T>(x: T | undefined): T => {
  if (!x) throw new Error('setup did not run');
  return x;
};

export const cases: BenchCase[] = [
  {
    group: 'pdf',
    name: '样张整版导出 PDF/X-1a（进程内，字体已解析）',
    async setup() {
      laidSample = await sample();
      tmp = await mkdtemp(path.join(os.tmpdir(), 'yeban-pdf-bench-'));
      await exportOf(laidSample, path.join(tmp, 'warm'), true);
    },
    beforeEach: () => clearImageCache(),
    run: () => exportOf(need(laidSample), path.join(tmp, 'sample'), true),
    teardown: () => rm(tmp, { recursive: true, force: true }),
    target: { value: 400, unit: 'ms', label: '样张导出 ≤ 400 ms（字体已解析）' },
  },
  {
    group: 'pdf',
    name: 'yeban export 整个进程（样张，含排版）',
    async setup() {
      await exec(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], { cwd: root });
      tmp = await mkdtemp(path.join(os.tmpdir(), 'yeban-pdf-bench-'));
    },
    run: () => exec(process.execPath, [path.join(root, 'bin/yeban.mjs'), 'export', SAMPLE_ISSUE_DIR, '-o', path.join(tmp, 'cli')], { cwd: root }),
    teardown: () => rm(tmp, { recursive: true, force: true }),
    target: { value: 350, unit: 'ms', label: '整个 yeban export 进程 ≤ 0.35 s（目标；Typst 0.40 s）' },
  },
  {
    group: 'pdf',
    name: '24 版整期导出（每版一个 PDF + manifest）',
    async setup() {
      const g = generateIssue();
      tmp = await mkdtemp(path.join(os.tmpdir(), 'yeban-pdf-bench-'));
      const dir = await writeIssueFolder(g, path.join(tmp, 'bench.yeban'));
      laid24 = await layoutOf(g.issue, new Map(g.stories.map((s) => [s.id, s])), dir);
      await exportOf(laid24, path.join(tmp, 'warm'), true);
    },
    beforeEach: () => clearImageCache(),
    run: () => exportOf(need(laid24), path.join(tmp, 'issue'), true),
    teardown: () => rm(tmp, { recursive: true, force: true }),
    target: { value: 5000, unit: 'ms', label: '24 版整期导出 ≤ 5 s' },
  },
  {
    group: 'pdf',
    name: '样张单版 PDF 大小（不含图片）',
    async setup() {
      laidSample = await sample();
    },
    run: () =>
      writePdf(withoutPhotos(need(laidSample).result.display).pages, {
        pdfx: '1a', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 'size', date: new Date(0),
      }, { fonts: nodeFontLoader, images: { load: () => Promise.reject(new Error('no photos')) } }),
    metric: (bytes) => (bytes as Uint8Array).length / 1024,
    target: { value: 400, unit: 'KB', label: '单版不含图片 ≤ 400 KB' },
  },
  {
    group: 'pdf',
    name: '24 版整期合一 PDF 每版平均大小（不含图片）',
    async setup() {
      const g = generateIssue();
      laid24 = await layoutOf(g.issue, new Map(g.stories.map((s) => [s.id, s])), '');
    },
    run: () =>
      writePdf(withoutPhotos(need(laid24).result.display).pages, {
        pdfx: '1a', bleed: 0, marks: false, output: DEFAULT_HOUSE.output, title: 'size', date: new Date(0),
      }, { fonts: nodeFontLoader, images: { load: () => Promise.reject(new Error('no photos')) } }),
    metric: (bytes) => (bytes as Uint8Array).length / 1024 / need(laid24).result.display.pages.length,
    target: { value: 400, unit: 'KB', label: '整期合一 PDF 每版 ≤ 400 KB（不含图片）' },
  },
];
