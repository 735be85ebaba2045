// Composer speed on the sample page (resources/sample): every story body at the broadsheet measure
// (13 characters of 9 pt). Cold = composer caches cleared before each run (parsed fonts stay, as in the app);
// incremental = one paragraph edited, the story recomposed through the cache.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComposeCache, composeParagraphs, ensureParagraphs, type ComposeContext, type ComposedParagraph } from '../src/core/compose';
import { FontRegistry } from '../src/core/fonts';
import { BodySchema, bodyToParagraphs, DEFAULT_HOUSE, DEFAULT_STYLES, type ComposerParagraph } from '../src/core/model';
import { nodeFontLoader } from '../src/main/fonts/node-font-loader';
import type { BenchCase } from './harness';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sample');
const MEASURE = 13 * 9;

function sampleStories(): ComposerParagraph[][] {
  const issue = readdirSync(root).find((d) => d.endsWith('.yeban'));
  if (!issue) throw new Error(`no sample issue under ${root}`);
  const dir = path.join(root, issue, 'stories');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => bodyToParagraphs(BodySchema.parse((JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { body: unknown }).body)))
    .filter((ps) => ps.length > 0);
}

const stories = sampleStories();
const chars = stories.flat().reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.length, 0), 0);
const ctx: ComposeContext = { fonts: new FontRegistry(nodeFontLoader), styles: DEFAULT_STYLES, house: DEFAULT_HOUSE };
const cache = new ComposeCache();

async function ensureAll(): Promise<void> {
  await ensureParagraphs(stories.flat(), ctx);
}

function composeAll(): ComposedParagraph[][] {
  return stories.map((ps) => composeParagraphs(ps, MEASURE, ctx, cache));
}

/** Own timings of the cold case, to report characters per second (the harness reports ms). */
const coldTimes: number[] = [];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

// The edited story: the longest paragraph of the longest story gets one character inserted per run.
const storyIndex = stories.reduce((best, ps, i) => (ps.length > stories[best]!.length ? i : best), 0);
const story = stories[storyIndex]!;
const paraIndex = story.reduce((best, p, i) => (p.runs.length && p.runs[0]!.text.length > story[best]!.runs[0]!.text.length ? i : best), 0);
let edits = 0;

function edited(): ComposerParagraph[] {
  edits++;
  let shift = 0;
  return story.map((p, i) => {
    if (i !== paraIndex) return shift === 0 ? p : { ...p, offset: p.offset + shift, runs: p.runs.map((r) => ({ ...r, offset: r.offset + shift })) };
    const run = p.runs[p.runs.length - 1]!;
    const at = 1 + (edits % (run.text.length - 1));
    const text = run.text.slice(0, at) + '的' + run.text.slice(at);
    shift = 1;
    return { ...p, runs: [...p.runs.slice(0, -1), { ...run, text }] };
  });
}
let next: ComposerParagraph[] = story;

export const cases: BenchCase[] = [
  {
    name: `整版正文冷排 whole sample body, cold (${chars} chars, 13 × 9 pt)`,
    group: 'compose',
    target: { value: 5, unit: 'ms', label: '整版正文冷排 ≤ 5 ms' },
    setup: ensureAll,
    beforeEach: () => cache.clear(),
    warmup: 10,
    run: () => {
      const t0 = performance.now();
      const out = composeAll();
      coldTimes.push(performance.now() - t0);
      return out;
    },
    teardown: () => {
      const ms = median(coldTimes);
      process.stderr.write(`  compose cold: ${chars} chars, median ${ms.toFixed(3)} ms → ${Math.round(chars / (ms / 1000)).toLocaleString('en')} chars/s\n`);
    },
  },
  {
    name: `改一段增量重排 one paragraph edited (${story[paraIndex]!.runs.reduce((n, r) => n + r.text.length, 0)} chars), story recomposed`,
    group: 'compose',
    target: { value: 0.2, unit: 'ms', label: '改一段增量重排 ≤ 0.2 ms' },
    setup: async () => {
      await ensureAll();
      cache.clear();
      composeAll();
    },
    beforeEach: () => {
      next = edited();
    },
    run: () => composeParagraphs(next, MEASURE, ctx, cache),
    // A keystroke lands in an editing session whose composer code is long since optimised by the JIT;
    // two warm-up runs would time the interpreter instead.
    warmup: 300,
    iterations: 300,
  },
  {
    name: '孤字未消除的段落 paragraphs left with a lone last character',
    group: 'compose',
    target: { value: 0, unit: 'count', label: '孤字回退段数 = 0' },
    setup: ensureAll,
    beforeEach: () => cache.clear(),
    run: () => composeAll().flat().filter((p) => p.orphanFallback).length,
  },
];
