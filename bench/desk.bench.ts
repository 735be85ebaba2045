// The desk's responsiveness (issue 7 item 10), measured in the built renderer on the Chromium host exactly as the
// e2e specs run it (e2e/host/chromium-host.ts: Debian's Chromium, the real main-process services bridged), on a
// copy of the sample issue. The clocks are the app's own performance marks (src/renderer/src/layout/desk-timing.ts):
//  - keystroke: `beforeinput` → the second animation frame after the page beside the editor drew the new layout,
//    with frames unpaced (UNPACED_FRAMES) for the target and at 60 Hz beside it;
//  - launch: browser process start → the second animation frame after the first page was drawn, a fresh browser
//    profile each time (no HTTP or V8 code cache carried over).
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { type BenchCase } from './harness';
import { launchChromiumHost, type ChromiumHost } from '../e2e/host/chromium-host';
import { serveRenderer, type StaticServer } from '../e2e/host/static-server';
import { builtPathsFrom, SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLUG = '聚力重点招大引强';
const TYPED = '夜班编辑正在排版今晚的头版稿件';

let built = false;
/** Builds the app first, as the e2e run does: a stale build would measure old code. */
function build(): void {
  if (built) return;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`electron-vite build failed (exit ${r.status ?? r.signal})`);
  built = true;
}

interface Fixture {
  server: StaticServer;
  temp: string;
  issueDir: string;
}

async function fixture(): Promise<Fixture> {
  build();
  const server = await serveRenderer(builtPathsFrom(path.join(root, 'out', 'main')).rendererDir);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'yeban-bench-desk-'));
  const issueDir = path.join(temp, 'documents', SAMPLE_ISSUE_FOLDER);
  await cp(path.join(root, 'resources', 'sample', SAMPLE_ISSUE_FOLDER), issueDir, { recursive: true });
  return { server, temp, issueDir };
}

async function launch(f: Fixture): Promise<ChromiumHost> {
  const profileDir = await mkdtemp(path.join(f.temp, 'profile-'));
  return launchChromiumHost({ server: f.server, documentsDir: path.dirname(f.issueDir), profileDir, args: [f.issueDir] });
}

const measures = (page: Page, name: string): Promise<number[]> =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/**
 * Waits until the page holds more than `count` performance entries named `name`, told by a PerformanceObserver.
 * Not Playwright's waitForFunction: it polls on every animation frame, so the page would run the harness's script in
 * each frame it is being timed for (and, with frames unpaced, draw frames back to back while it waits).
 */
function waitForEntries(page: Page, name: string, count: number, timeoutMs: number): Promise<void> {
  return page.evaluate(
    ({ name, count, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        // No named helpers in here: the bench runner's transform would wrap them in a __name the page lacks.
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no "${name}" entry after ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new PerformanceObserver(() => {
          if (performance.getEntriesByName(name).length > count) {
            clearTimeout(timer);
            observer.disconnect();
            resolve();
          }
        });
        observer.observe({ entryTypes: ['mark', 'measure'] });
        if (performance.getEntriesByName(name).length > count) {
          clearTimeout(timer);
          observer.disconnect();
          resolve();
        }
      }),
    { name, count, timeoutMs },
  );
}

/**
 * Chromium switches that let frames come as soon as the last one is drawn instead of on a 60 Hz display's beat. At
 * 60 Hz the second animation frame after any change comes at least one whole frame (16.7 ms) after the first, so
 * "≤ 16 ms to the second frame" cannot be met however little the keystroke costs: the target is measured with frames
 * unpaced, where the time is the keystroke's work plus producing the frame that shows it. The 60 Hz case beside it
 * reports what a 60 Hz display adds.
 */
const UNPACED_FRAMES = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

interface Typing {
  f: Fixture;
  host: ChromiumHost;
  typed: number;
}

/** A keystroke case: the story 聚力重点招大引强 open beside its page, a character typed at the end of its second paragraph per run. */
function keystrokeCase(name: string, extraArgs: readonly string[], target?: BenchCase['target']): BenchCase {
  let typing: Typing | null = null;
  return {
    group: 'desk',
    name,
    iterations: 40,
    warmup: 5,
    async setup() {
      const f = await fixture();
      const profileDir = await mkdtemp(path.join(f.temp, 'profile-'));
      const host = await launchChromiumHost({ server: f.server, documentsDir: path.dirname(f.issueDir), profileDir, args: [f.issueDir], extraArgs: [...extraArgs] });
      typing = { f, host, typed: 0 };
      const { page } = host;
      await page.getByRole('button', { name: SLUG, exact: true }).click();
      await page.getByRole('complementary').locator('[data-page-svg]').waitFor({ timeout: 60_000 });
      const editor = page.getByTestId('story-editor-content');
      await editor.locator('p').nth(1).click();
      await page.keyboard.press('End');
    },
    async run() {
      const { page } = typing!.host;
      const before = (await measures(page, 'yeban:keystroke')).length;
      const ch = TYPED[typing!.typed++ % TYPED.length]!;
      await page.keyboard.insertText(ch);
      await waitForEntries(page, 'yeban:keystroke', before, 10_000);
      return (await measures(page, 'yeban:keystroke')).at(-1)!;
    },
    sample: (ms) => ms as number,
    async teardown() {
      if (!typing) return;
      const commit = (await measures(typing.host.page, 'yeban:keystroke:commit')).slice(-40).sort((a, b) => a - b);
      if (commit.length > 0) process.stderr.write(`  beforeinput → page view commit (the work, no frame waits): median ${commit[commit.length >> 1]!.toFixed(1)} ms, p95 ${commit[Math.floor(commit.length * 0.95)]!.toFixed(1)} ms\n`);
      await typing.host.close();
      await typing.f.server.close();
      await rm(typing.f.temp, { recursive: true, force: true });
      typing = null;
    },
    ...(target ? { target } : {}),
  };
}

let launching: Fixture | null = null;
/** Per timed launch, ms after navigation: the steps to the first page (printed beside the table: the part the app itself controls). */
const steps: Record<'scripts' | 'opened' | 'laidOutFrom' | 'laidOut' | 'firstPage', number>[] = [];

export const cases: BenchCase[] = [
  keystrokeCase('按键 → 版面更新后第二帧（稿件旁本版，样例第 07 版，帧随绘随出）', UNPACED_FRAMES, {
    value: 16,
    unit: 'ms',
    statistic: 'p95',
    label: '一次按键到版面更新 ≤ 16 ms（p95）',
  }),
  keystrokeCase('按键 → 版面更新后第二帧（同上，60 Hz 显示节拍）', []),
  {
    group: 'desk',
    name: '启动 → 首个版面绘出（新浏览器配置，Chromium 宿主）',
    iterations: 30,
    warmup: 2,
    async setup() {
      launching = await fixture();
    },
    async run() {
      const t0 = Date.now();
      const host = await launch(launching!);
      try {
        const { page } = host;
        await page.getByRole('tab', { name: '版面' }).click();
        await waitForEntries(page, 'yeban:page:first', 0, 60_000);
        const { origin, step } = await page.evaluate(() => {
          // No named helpers in here: the bench runner's transform would wrap them in a __name the page lacks.
          const layout = performance.getEntriesByName('yeban:layout')[0];
          // Navigation timing, typed here by hand: this file is checked without the DOM library.
          const nav = (performance as unknown as { getEntriesByType(t: string): { domContentLoadedEventEnd: number }[] }).getEntriesByType('navigation')[0];
          return {
            origin: performance.timeOrigin,
            step: {
              scripts: nav?.domContentLoadedEventEnd ?? Number.NaN,
              opened: performance.getEntriesByName('yeban:issue:opened')[0]?.startTime ?? Number.NaN,
              laidOutFrom: layout?.startTime ?? Number.NaN,
              laidOut: layout ? layout.startTime + layout.duration : Number.NaN,
              firstPage: performance.getEntriesByName('yeban:page:first')[0]!.startTime,
            },
          };
        });
        steps.push(step);
        return origin + step.firstPage - t0;
      } finally {
        await host.close();
      }
    },
    sample: (ms) => ms as number,
    async teardown() {
      const timed = steps.slice(-30);
      if (timed.length > 0) {
        const median = (k: keyof (typeof steps)[number]) => timed.map((s) => s[k]).sort((a, b) => a - b)[timed.length >> 1]!.toFixed(0);
        process.stderr.write(
          `  after navigation (medians): scripts run ${median('scripts')} ms, issue open ${median('opened')} ms, layout ${median('laidOutFrom')} → ${median('laidOut')} ms (fonts fetched and parsed), first page ${median('firstPage')} ms\n`,
        );
      }
      if (!launching) return;
      await launching.server.close();
      await rm(launching.temp, { recursive: true, force: true });
      launching = null;
    },
    target: { value: 1500, unit: 'ms', label: '启动到首个版面绘出 ≤ 1.5 s' },
  },
];
