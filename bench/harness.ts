// The benchmark harness: every bench/*.bench.ts exports `cases: BenchCase[]`, bench/run.ts measures them.
// Figures are medians of ≥ 30 timed runs (performance.now()); "cold" cases clear result caches in
// beforeEach so each run pays for the work, not for a cache hit.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type BenchUnit = 'ms' | 'KB' | 'MB' | 'fps' | 'count' | 'chars' | 'lines';

export interface BenchTarget {
  readonly value: number;
  readonly unit: BenchUnit;
  /** What the target means, e.g. '单篇稿件冷排 < 50 ms'. */
  readonly label: string;
  /** 'lower' (default) passes when measured ≤ value; 'higher' when measured ≥ value (fps). */
  readonly better?: 'lower' | 'higher';
  /** For an 'ms' target: the statistic compared with it (default the median). */
  readonly statistic?: 'median' | 'p95';
}

export interface BenchCase {
  readonly name: string;
  /** Usually the bench file's topic: model, store, compose, layout, pdf, text. */
  readonly group: string;
  readonly target?: BenchTarget;
  /** Runs once before the timed runs (load fonts, generate the issue …); not timed. */
  setup?(): void | Promise<void>;
  /** The measured work. Its last result feeds `metric` for non-time targets. */
  run(): unknown;
  /** Runs before every run, untimed: clear result caches here for a 'cold' case. */
  beforeEach?(): void | Promise<void>;
  /** Runs once after the timed runs (delete temp folders …). */
  teardown?(): void | Promise<void>;
  /**
   * For a target whose unit is not 'ms': the measured value, in the target's unit, from the last run's
   * result (e.g. PDF bytes → KB). Without it a numeric result is used as is.
   */
  metric?(result: unknown): number;
  /**
   * The run's time in ms taken from its result instead of the wall time of run(): for cases whose clock is
   * elsewhere (performance measures inside the app under test).
   */
  sample?(result: unknown): number;
  /** Timed runs; at least 30 (the default). */
  readonly iterations?: number;
  /** Untimed runs before measuring, so the JIT has settled (default 2). */
  readonly warmup?: number;
}

export interface BenchResult {
  readonly group: string;
  readonly name: string;
  readonly iterations: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly meanMs: number;
  /** Largest resident set seen after a run, MB. */
  readonly peakRssMB: number;
  /** Largest V8 heap in use seen after a run, MB. */
  readonly peakHeapMB: number;
  readonly target?: BenchTarget;
  /** The value compared with the target (the median for 'ms'). */
  readonly measured?: number;
  readonly pass?: boolean;
  readonly error?: string;
}

export const MIN_ITERATIONS = 30;

/** The q-quantile (0..1) of sorted samples, by linear interpolation between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export interface TimingSummary {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

export function summarise(samples: readonly number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    meanMs: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
  };
}

let gcFn: (() => void) | null | undefined;
/** Node's gc(), made available without a command-line flag so `tsx bench/run.ts` can settle the heap between cases. */
function collectGarbage(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch (_error) {
      gcFn = null;
    }
  }
  gcFn?.();
}

const MB = 1024 * 1024;

export interface MeasureOptions {
  /** Overrides the case's iteration count (still at least MIN_ITERATIONS unless `allowFewer`). */
  readonly iterations?: number;
  /** For the harness's own tests only: permit fewer than 30 runs. */
  readonly allowFewer?: boolean;
}

export async function measure(c: BenchCase, options: MeasureOptions = {}): Promise<BenchResult> {
  const wanted = options.iterations ?? c.iterations ?? MIN_ITERATIONS;
  const iterations = options.allowFewer ? Math.max(1, wanted) : Math.max(MIN_ITERATIONS, wanted);
  const base = { group: c.group, name: c.name, iterations, ...(c.target ? { target: c.target } : {}) };
  const samples: number[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  let last: unknown;
  try {
    await c.setup?.();
    for (let i = 0; i < (c.warmup ?? 2); i++) {
      await c.beforeEach?.();
      await c.run();
    }
    collectGarbage();
    for (let i = 0; i < iterations; i++) {
      await c.beforeEach?.();
      const t0 = performance.now();
      let result = c.run();
      if (result instanceof Promise) result = await result;
      const wall = performance.now() - t0;
      samples.push(c.sample ? c.sample(result) : wall);
      last = result;
      const mem = process.memoryUsage();
      peakRss = Math.max(peakRss, mem.rss);
      peakHeap = Math.max(peakHeap, mem.heapUsed);
    }
  } catch (error) {
    return { ...base, ...summarise(samples), peakRssMB: peakRss / MB, peakHeapMB: peakHeap / MB, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await c.teardown?.();
  }
  const timing = summarise(samples);
  const result: BenchResult = { ...base, ...timing, peakRssMB: peakRss / MB, peakHeapMB: peakHeap / MB };
  if (!c.target) return result;
  const measured = c.target.unit === 'ms' ? (c.target.statistic === 'p95' ? timing.p95Ms : timing.medianMs) : c.metric ? c.metric(last) : typeof last === 'number' ? last : Number.NaN;
  const pass = (c.target.better ?? 'lower') === 'lower' ? measured <= c.target.value : measured >= c.target.value;
  return { ...result, measured, pass };
}

const fmt = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** The results as an aligned plain-text table (CJK labels count as two columns). */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['group', 'case', 'median ms', 'p95 ms', 'min ms', 'runs', 'RSS MB', 'heap MB', 'target', 'measured', ''];
  const rows = results.map((r) => [
    r.group,
    r.name,
    fmt(r.medianMs),
    fmt(r.p95Ms),
    fmt(r.minMs),
    String(r.iterations),
    fmt(r.peakRssMB, 0),
    fmt(r.peakHeapMB, 0),
    r.target ? `${(r.target.better ?? 'lower') === 'lower' ? '≤' : '≥'} ${r.target.value} ${r.target.unit}${r.target.statistic === 'p95' ? ' p95' : ''}` : '',
    r.measured === undefined ? '' : `${fmt(r.measured)} ${r.target?.unit ?? ''}`,
    r.error ? `ERROR ${r.error}` : r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS',
  ]);
  const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => width(row[i] ?? ''))));
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const line = (row: string[]): string =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        return numeric.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
