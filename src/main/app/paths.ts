import path from 'node:path';

// Where things live. Tests and the e2e hosts point YEBAN_DOCUMENTS_DIR at a temporary folder so a
// run never touches the real documents folder.

export const DOCUMENTS_SUBFOLDER = '夜班';

export function documentsDirFrom(env: Readonly<Record<string, string | undefined>>, systemDocumentsDir: string): string {
  const override = env.YEBAN_DOCUMENTS_DIR;
  if (override && override.trim() !== '') return path.resolve(override);
  return path.join(systemDocumentsDir, DOCUMENTS_SUBFOLDER);
}

/**
 * The bundled resources: `<checkout>/resources` when run from the source tree (out/main is two
 * levels below the checkout), `<resourcesPath>/resources` in a packaged app.
 */
export function resourcesDirFrom(opts: { isPackaged: boolean; mainDir: string; resourcesPath: string }): string {
  return opts.isPackaged ? path.join(opts.resourcesPath, 'resources') : path.resolve(opts.mainDir, '..', '..', 'resources');
}

/** Built renderer and preload, relative to the built main bundle in out/main. */
export function builtPathsFrom(mainDir: string): { rendererDir: string; preloadFile: string } {
  return { rendererDir: path.resolve(mainDir, '..', 'renderer'), preloadFile: path.resolve(mainDir, '..', 'preload', 'index.cjs') };
}

/** The bundled sample issue, under resources/sample/ (built by scripts/make-sample-issue.ts). */
export const SAMPLE_ISSUE_FOLDER = '2024-03-08-太白湖新区.yeban';
