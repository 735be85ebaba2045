// What a command needs from the outside world. Commands write through these instead of
// touching process.stdout directly, so tests can run them in-process and read the output.
export interface CliContext {
  /** Normal output (results, tables, JSON). */
  stdout: (text: string) => void;
  /** Diagnostics and error messages. */
  stderr: (text: string) => void;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
}

/** Exit codes shared by every command: 0 ok, 1 findings or failure, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * A failure a command reports on purpose (bad file, findings). The entry point prints its message
 * and exits with its code; anything else thrown is an unexpected crash and still exits 1.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}
