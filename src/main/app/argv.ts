import path from 'node:path';

// A second launch (`yeban 2024-03-08.yeban`, a double-click in the file manager) hands its argv to
// the first instance. Electron prepends the executable, Chromium switches and, when started
// unpackaged, the app folder: what is left that names an issue folder is the file to open.
export const ISSUE_EXTENSION = '.yeban';

export function issuePathFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-')) continue;
    const trimmed = arg.replace(/[\\/]+$/, '');
    if (trimmed.toLowerCase().endsWith(ISSUE_EXTENSION)) return path.resolve(workingDirectory, trimmed);
  }
  return null;
}

/** What a second launch asks of the running window: open the issue it named, or (null) just come to the front. */
export function handOffEvent(argv: readonly string[], workingDirectory: string): { type: 'open-issue'; path: string } | null {
  const issuePath = issuePathFromArgv(argv, workingDirectory);
  return issuePath ? { type: 'open-issue', path: issuePath } : null;
}
