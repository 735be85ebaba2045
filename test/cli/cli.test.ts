import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { type CliContext, CliError } from '../../src/cli/context';
import { type CommandModule } from '../../src/cli/commands/index';
import { buildProgram, runCli } from '../../src/cli/program';
import pkg from '../../package.json';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function captureContext(): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: root };
}

async function yeban(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/yeban.mjs'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('built yeban CLI', () => {
  beforeAll(async () => {
    await run(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], { cwd: root });
  });

  it('prints help in Chinese and English and exits 0', async () => {
    const r = await yeban(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: yeban');
    expect(r.stdout).toContain('夜班');
    expect(r.stdout).toContain('Yeban');
  });

  it('prints the package version', async () => {
    const r = await yeban(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on an unknown option and says which', async () => {
    const r = await yeban(['--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
  });

  it('exits 2 on an unknown command', async () => {
    const r = await yeban(['no-such-command']);
    expect(r.code).toBe(2);
  });
});

describe('in-process CLI', () => {
  it('help lists exactly the registered commands (plus help)', async () => {
    const ctx = captureContext();
    const registered = buildProgram(ctx).commands.map((c) => c.name());
    expect(registered.length).toBe(commands.length);
    expect(await runCli(['--help'], ctx)).toBe(0);
    const help = ctx.out.join('');
    const listed = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...registered, 'help'].sort());
  });

  it('a bare `yeban` is a usage error with help on stderr', async () => {
    const ctx = captureContext();
    expect(await runCli([], ctx)).toBe(2);
    expect(ctx.err.join('')).toContain('Usage: yeban');
    expect(ctx.out.join('')).toBe('');
  });
});

describe('exit codes of commands (0 ok, 1 failure, 2 usage)', () => {
  const probe: CommandModule = {
    register(program, ctx) {
      program
        .command('probe <what>')
        .description('test command')
        .action((what: string) => {
          if (what === 'fail') throw new CliError('稿件 a.json 无法解析：缺少 body');
          if (what === 'crash') throw new TypeError('boom');
          ctx.stdout(`did ${what}\n`);
        });
    },
  };

  it('0 when the action succeeds', async () => {
    const ctx = captureContext();
    expect(await runCli(['probe', 'it'], ctx, [probe])).toBe(0);
    expect(ctx.out.join('')).toBe('did it\n');
  });

  it('2 for a missing argument or unknown option of a subcommand', async () => {
    const ctx = captureContext();
    expect(await runCli(['probe'], ctx, [probe])).toBe(2);
    expect(ctx.err.join('')).toContain("missing required argument 'what'");
    expect(await runCli(['probe', 'x', '--nope'], captureContext(), [probe])).toBe(2);
  });

  it('1 with the message for a reported failure, 1 with the stack for a crash', async () => {
    const failed = captureContext();
    expect(await runCli(['probe', 'fail'], failed, [probe])).toBe(1);
    expect(failed.err.join('')).toBe('yeban: 稿件 a.json 无法解析：缺少 body\n');
    const crashed = captureContext();
    expect(await runCli(['probe', 'crash'], crashed, [probe])).toBe(1);
    expect(crashed.err.join('')).toContain('TypeError: boom');
  });

  it('a CliError may carry exit code 2 for usage mistakes found by the command', async () => {
    const strict: CommandModule = {
      register(program) {
        program.command('strict').action(() => {
          throw new CliError('--page 必须是正整数', 2);
        });
      },
    };
    expect(await runCli(['strict'], captureContext(), [strict])).toBe(2);
  });
});
