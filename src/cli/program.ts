// Builds the `yeban` program without running it, so tests can drive it in-process.
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json';
import { type CommandModule, commands } from './commands/index';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './context';

export function buildProgram(ctx: CliContext, modules: readonly CommandModule[] = commands): Command {
  const program = new Command('yeban')
    .description('夜班：中文报纸版面编排与编辑工具\nYeban: layout and editing for Chinese newspaper pages')
    .version(pkg.version, '-V, --version', '显示版本 / print the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .showHelpAfterError()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  program.helpCommand('help [command]', '显示某个命令的帮助 / help for a command');
  for (const command of modules) command.register(program, ctx);
  // Commander exits by itself on usage errors; override so every error path goes through runCli
  // and usage mistakes get exit code 2 (commander would use 1).
  overrideExits(program);
  return program;
}

function overrideExits(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) overrideExits(sub);
}

/** Runs the CLI on argv (without node and script) and returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext, modules: readonly CommandModule[] = commands): Promise<number> {
  const program = buildProgram(ctx, modules);
  if (argv.length === 0) {
    // A bare `yeban` is a usage mistake: say what the commands are, on stderr.
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; everything else commander throws is a usage
      // mistake whose message (and help) it already printed through configureOutput.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      ctx.stderr(`yeban: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    ctx.stderr(`yeban: 意外错误 / unexpected error: ${message}\n`);
    return EXIT_FAILURE;
  }
}
