import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import * as compose from '../../src/cli/commands/compose';
import type { CliContext } from '../../src/cli/context';

function ctxIn(cwd: string): { ctx: CliContext; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { ctx: { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, cwd }, out: () => out, err: () => err };
}

describe('yeban compose', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'yeban-compose-'));
  writeFileSync(path.join(dir, 'a.txt'), '招商引资是经济发展的源头活水，是事关全区高质量发展的“天字一号”工程。\n\n春季开学季——英烈事迹进校园。\n');
  writeFileSync(path.join(dir, 'b.txt'), '字\u{20000}字\n');

  it('prints every line with its width in pt and em', async () => {
    const c = ctxIn(dir);
    expect(await runCli(['compose', 'a.txt', '--measure', '13', '--size', '9'], c.ctx, [compose])).toBe(0);
    const rows = c.out().split('\n').filter((l) => l.includes(' pt '));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]).toMatch(/^ {1,}117\.00 pt {1,}13\.00 em {4}\u3000\u3000招商引资是经济发展的源$/);
    expect(c.out()).toContain('共 2 段');
  });

  it('JSON output and option checks', async () => {
    const c = ctxIn(dir);
    expect(await runCli(['compose', 'a.txt', '--measure', '11', '--json'], c.ctx, [compose])).toBe(0);
    const parsed = JSON.parse(c.out()) as { lines: { width: number; text: string }[] }[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]!.lines[0]!.width).toBeCloseTo(99, 6);
    const bad = ctxIn(dir);
    expect(await runCli(['compose', 'a.txt', '--punct', 'fancy'], bad.ctx, [compose])).toBe(2);
    const missing = ctxIn(dir);
    expect(await runCli(['compose', 'nope.txt'], missing.ctx, [compose])).toBe(1);
    expect(missing.err()).toContain('文件不存在');
  });

  it('reports characters no font can draw and exits 1', async () => {
    const c = ctxIn(dir);
    expect(await runCli(['compose', 'b.txt'], c.ctx, [compose])).toBe(1);
    expect(c.err()).toContain('U+20000');
  });
});
