import { describe, expect, it } from 'vitest';
import { type BenchCase, formatTable, measure, quantile, summarise } from '../../bench/harness';

describe('bench harness', () => {
  it('computes median, p95 and min by interpolation between ranks', () => {
    const xs = Array.from({ length: 101 }, (_, i) => 100 - i);
    const s = summarise(xs);
    expect(s.medianMs).toBe(50);
    expect(s.p95Ms).toBe(95);
    expect(s.minMs).toBe(0);
    expect(s.maxMs).toBe(100);
    expect(quantile([1, 2], 0.5)).toBe(1.5);
  });

  it('runs a case at least 30 times, calls beforeEach before every run, and checks a size target', async () => {
    let runs = 0;
    let cleared = 0;
    const c: BenchCase = {
      name: 'size',
      group: 'test',
      iterations: 5,
      warmup: 1,
      target: { value: 2, unit: 'KB', label: 'small' },
      beforeEach: () => {
        cleared++;
      },
      run: () => {
        runs++;
        return 3 * 1024;
      },
      metric: (bytes) => (bytes as number) / 1024,
    };
    const r = await measure(c);
    expect(r.iterations).toBe(30);
    expect(runs).toBe(31);
    expect(cleared).toBe(31);
    expect(r.measured).toBe(3);
    expect(r.pass).toBe(false);
    expect(formatTable([r])).toMatch(/MISS/);
  });

  it('reports an error thrown by a case instead of crashing', async () => {
    const r = await measure({ name: 'boom', group: 'test', run: () => { throw new Error('kaput'); } }, { iterations: 3, allowFewer: true });
    expect(r.error).toBe('kaput');
  });

  it('a time target passes on the median', async () => {
    const r = await measure({ name: 'fast', group: 'test', run: () => 1, target: { value: 1000, unit: 'ms', label: 'anything' } }, { iterations: 3, allowFewer: true });
    expect(r.pass).toBe(true);
    expect(r.measured).toBe(r.medianMs);
  });

  it('takes samples from the result when asked, and compares a p95 target with the p95', async () => {
    let i = 0;
    const r = await measure(
      { name: 'in-app', group: 'test', warmup: 0, run: () => ++i, sample: (n) => (n as number) * 10, target: { value: 16, unit: 'ms', label: 'p95', statistic: 'p95' } },
      { iterations: 20, allowFewer: true },
    );
    expect(r.minMs).toBe(10);
    expect(r.maxMs).toBe(200);
    expect(r.measured).toBe(r.p95Ms);
    expect(r.p95Ms).toBeCloseTo(190.5, 5);
    expect(r.pass).toBe(false);
    expect(formatTable([r])).toMatch(/≤ 16 ms p95/);
  });
});
