// The desk's responsiveness (issue 7 item 10), measured in the built renderer on the Chromium host exactly as the
// e2e specs run it (e2e/host/chromium-host.ts: Debian's Chromium, the real main-process services bridged), on a
// copy of the sample issue. The clocks are the app's own performance marks (src/renderer/src/layout/desk-timing.ts):
//  - keystroke: `beforeinput` → the second animation frame after the page beside the editor drew the new layout,
//    with frames unpaced (UNPACED_FRAMES) for the target and at 60 Hz beside it, keys at a fast typist's pace, and
//    the same clock on an empty contenteditable in the same browser (what frames cost this machine at all);
//  - launch: browser process start → the second animation frame after the first page was drawn, a fresh browser
//    profile each time (no HTTP or V8 code cache carried over).
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { type BenchCase } from './harness';
import { launchChromiumHost, type ChromiumHost } from '../e2e/host/chromium-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/host/detect';
import { rendererSwitchArgs } from '../src/main/app/renderer-switches';
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
 * The page's performance entries of the names asked for, as they are recorded, pushed to this process through a
 * binding by a PerformanceObserver installed once. Nothing of the harness runs in the page while a keystroke's frames
 * are being timed: a `page.evaluate` sent then (a poll, or waiting on an observer) is script the page runs between the
 * keystroke and its frames, and on an empty contenteditable alone it moved the median from 3.7 ms to 14 ms.
 */
interface EntryFeed {
  /** The duration (a measure) or start time (a mark) of the next entry named `name` recorded from now on. */
  next(name: string, timeoutMs: number): Promise<number>;
}

/**
 * Keystrokes come at most this often: a fast typist's ten a second. Each keystroke is timed on its own, not behind the
 * frames of the one before (typed the instant the last one's second frame ran, a keystroke of an empty contenteditable
 * measured 15.7 ms instead of 3.7: it waited for the frame still being drawn).
 */
const TYPING_INTERVAL_MS = 100;

let feeds = 0;
async function entryFeed(page: Page, names: readonly string[]): Promise<EntryFeed> {
  const waiting = new Map<string, ((v: number) => void)[]>();
  const binding = `__benchEntry${feeds++}`;
  await page.exposeBinding(binding, (_source, name: string, value: number) => {
    for (const resolve of waiting.get(name)?.splice(0) ?? []) resolve(value);
  });
  await page.evaluate(
    ({ binding, names }) => {
      const send = (globalThis as unknown as Record<string, (name: string, value: number) => void>)[binding]!;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (names.includes(e.name)) send(e.name, e.entryType === 'mark' ? e.startTime : e.duration);
      }).observe({ entryTypes: ['mark', 'measure'] });
    },
    { binding, names },
  );
  return {
    next: (name, timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${name}" entry after ${timeoutMs} ms`)), timeoutMs);
        const list = waiting.get(name) ?? [];
        list.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
        waiting.set(name, list);
      }),
  };
}

/**
 * Types the sample text one character per keystroke, at most one every TYPING_INTERVAL_MS (waiting in this process, the
 * page left idle), and gives each keystroke's `yeban:keystroke` measure.
 */
class Typist {
  private typed = 0;
  private last = 0;

  private constructor(
    private readonly page: Page,
    private readonly feed: EntryFeed,
  ) {}

  static async on(page: Page): Promise<Typist> {
    return new Typist(page, await entryFeed(page, ['yeban:keystroke']));
  }

  async key(): Promise<number> {
    const wait = this.last + TYPING_INTERVAL_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.last = performance.now();
    const measured = this.feed.next('yeban:keystroke', 10_000);
    await this.page.keyboard.insertText(TYPED[this.typed++ % TYPED.length]!);
    return measured;
  }
}

/**
 * Chromium switches that let frames come as soon as the last one is drawn instead of on a 60 Hz display's beat. At
 * 60 Hz the second animation frame after any change comes at least one whole frame (16.7 ms) after the first, so
 * "≤ 16 ms to the second frame" cannot be met however little the keystroke costs: the target is measured with frames
 * unpaced, where the time is the keystroke's work plus producing the frame that shows it. The 60 Hz case beside it
 * reports what a 60 Hz display adds.
 */
/**
 * Puts the caret after the last character of the editor's second paragraph. An expression run in the page (this file
 * has no DOM types); End would move to the end of the clicked line, not of the paragraph.
 */
const CARET_AT_END_OF_SECOND_PARAGRAPH = `(() => {
  const p = document.querySelectorAll('[data-testid="story-editor-content"] p')[1];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
  getSelection().setBaseAndExtent(last, last.length, last, last.length);
})()`;

/** Keystrokes measured per launch: the target is a p95, and the p95 of 40 runs is their second-worst. */
const KEYSTROKE_RUNS = 100;
/** Keystrokes typed after each launch before any is measured (the story just opened, its first layouts). */
const KEYSTROKE_WARMUP = 5;

const UNPACED_FRAMES = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

interface Typing {
  f: Fixture;
  host: ChromiumHost;
  typist: Typist;
  /** Keystrokes measured in this launch. */
  measured: number;
}

/** Launches the app on a copy of the sample issue, opens the story and puts the caret where the keys will go. */
async function startTyping(extraArgs: readonly string[]): Promise<Typing> {
  const f = await fixture();
  const profileDir = await mkdtemp(path.join(f.temp, 'profile-'));
  const host = await launchChromiumHost({ server: f.server, documentsDir: path.dirname(f.issueDir), profileDir, args: [f.issueDir], extraArgs: [...extraArgs] });
  const { page } = host;
  const typing: Typing = { f, host, typist: await Typist.on(page), measured: 0 };
  await page.getByRole('button', { name: SLUG, exact: true }).click();
  await page.getByRole('complementary').locator('[data-page-svg]').waitFor({ timeout: 60_000 });
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').nth(1).click();
  await page.evaluate(CARET_AT_END_OF_SECOND_PARAGRAPH);
  await page.waitForTimeout(100);
  for (let i = 0; i < KEYSTROKE_WARMUP; i++) await typing.typist.key();
  return typing;
}

/** Closes a launch, and says what it measured: its own p95, and the work until the page's commit. */
async function stopTyping(typing: Typing, launch: number): Promise<void> {
  const pick = async (name: string) => (await measures(typing.host.page, name)).slice(-typing.measured).sort((a, b) => a - b);
  const [keys, commit] = [await pick('yeban:keystroke'), await pick('yeban:keystroke:commit')];
  const q = (a: number[], p: number) => a[Math.floor(a.length * p)]!.toFixed(1);
  if (keys.length > 0)
    process.stderr.write(`  launch ${launch}: ${keys.length} keystrokes, median ${q(keys, 0.5)} ms, p95 ${q(keys, 0.95)} ms; beforeinput → page view commit (the work, no frame waits): median ${q(commit, 0.5)} ms, p95 ${q(commit, 0.95)} ms\n`);
  await typing.host.close();
  await typing.f.server.close();
  await rm(typing.f.temp, { recursive: true, force: true });
}

/**
 * A keystroke case: the story 聚力重点招大引强 open beside its page, a character typed at the end of its second paragraph
 * per run, KEYSTROKE_RUNS keystrokes in each of `launches` launches of the app, pooled. One launch's p95 is not a
 * figure to go by: here it moved between 14.5 and 20.7 ms from one launch to the next with nothing else changed (how
 * the threads of two cores fell, what V8 was compiling), so the target's case pools three.
 */
function keystrokeCase(name: string, extraArgs: readonly string[], launches: number, target?: BenchCase['target']): BenchCase {
  let typing: Typing | null = null;
  let launch = 0;
  return {
    group: 'desk',
    name,
    iterations: KEYSTROKE_RUNS * launches,
    warmup: 0,
    async setup() {
      launch = 1;
      typing = await startTyping(extraArgs);
    },
    async run() {
      if (typing!.measured === KEYSTROKE_RUNS) {
        await stopTyping(typing!, launch++);
        typing = await startTyping(extraArgs);
      }
      typing!.measured++;
      return typing!.typist.key();
    },
    sample: (ms) => ms as number,
    async teardown() {
      if (!typing) return;
      await stopTyping(typing, launch);
      typing = null;
    },
    ...(target ? { target } : {}),
  };
}

/**
 * The same clock on a page with nothing but a contenteditable of Chinese text, in the same browser, switches and
 * window: what producing the frames costs this machine before the app does anything (its p95 is the floor under the
 * keystroke target's). The page marks `yeban:keystroke` as the app does: `beforeinput` → the second animation frame
 * after its `input` handler ran.
 */
function keystrokeFloorCase(): BenchCase {
  let held: { context: BrowserContext; dir: string; typist: Typist } | null = null;
  return {
    group: 'desk',
    name: '按键基线：空白可编辑区（同一浏览器与开关，帧随绘随出）',
    iterations: KEYSTROKE_RUNS,
    warmup: 5,
    async setup() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-bench-floor-'));
      const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...rendererSwitchArgs(), ...UNPACED_FRAMES], viewport: { width: 1440, height: 900 } });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setContent(
        `<div id="e" contenteditable style="width:30em;font-size:16px;line-height:1.8">${'今年是新区转型发展的关键之年。'.repeat(40)}</div>` +
          `<script>let s=null;document.addEventListener('beforeinput',(e)=>{s??=e.timeStamp},{capture:true});` +
          `document.getElementById('e').addEventListener('input',()=>{const t=s;s=null;requestAnimationFrame(()=>requestAnimationFrame(()=>performance.measure('yeban:keystroke',{start:t,end:performance.now()})))});</script>`,
      );
      await page.click('#e');
      await page.keyboard.press('End');
      held = { context, dir, typist: await Typist.on(page) };
    },
    run: () => held!.typist.key(),
    sample: (ms) => ms as number,
    async teardown() {
      if (!held) return;
      await held.context.close();
      await rm(held.dir, { recursive: true, force: true });
      held = null;
    },
  };
}

let launching: Fixture | null = null;
/** Per timed launch, ms after navigation: the steps to the first page (printed beside the table: the part the app itself controls). */
const steps: Record<'scripts' | 'opened' | 'laidOutFrom' | 'laidOut' | 'firstPage', number>[] = [];

export const cases: BenchCase[] = [
  keystrokeCase('按键 → 版面更新后第二帧（稿件旁本版，样例第 07 版，帧随绘随出）', UNPACED_FRAMES, 3, {
    value: 16,
    unit: 'ms',
    statistic: 'p95',
    label: '一次按键到版面更新 ≤ 16 ms（p95）',
  }),
  keystrokeCase('按键 → 版面更新后第二帧（同上，60 Hz 显示节拍）', [], 1),
  keystrokeFloorCase(),
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
        // Installed while the app is still starting (the first page needs the issue opened and laid out first).
        const painted = (await entryFeed(page, ['yeban:page:first'])).next('yeban:page:first', 60_000);
        await page.getByRole('tab', { name: '版面' }).click();
        await painted;
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
