import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { closeAllSessions } from '../../src/main/ipc/handlers/store';
import { builtPathsFrom } from '../../src/main/app/paths';
import { handOffEvent, issuePathFromArgv } from '../../src/main/app/argv';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chooseHost, electronBinary, type E2eHost } from './detect';
import { serveRenderer, type StaticServer } from './static-server';

// Each launch gets the app in a fresh state: its own documents folder (where the sample copy lands)
// and its own browser profile. The same specs run on either host.

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { rendererDir } = builtPathsFrom(path.join(root, 'out', 'main'));
const appVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const asRoot = process.getuid?.() === 0;

export interface AppUnderTest {
  host: E2eHost;
  page: Page;
  documentsDir: string;
  /** Starts the app a second time with these arguments, as a user double-clicking an issue would. */
  secondLaunch(args: string[]): Promise<void>;
}

export interface LaunchOptions {
  /** Command-line arguments after the app (e.g. an issue folder to open). */
  args?: string[];
  /** A documents folder prepared by the test; a fresh one otherwise. */
  documentsDir?: string;
}

type Launch = (opts?: LaunchOptions) => Promise<AppUnderTest>;

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export const test = base.extend<{ launch: Launch; app: AppUnderTest }, { host: E2eHost; server: StaticServer | null }>({
  // Playwright reads a fixture's dependencies from its first parameter's destructuring: this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: [async ({}, use) => use(chooseHost()), { scope: 'worker' }],

  server: [
    async ({ host }, use) => {
      if (host !== 'chromium') return use(null);
      const server = await serveRenderer(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  launch: async ({ host, server }, use) => {
    const cleanups: Array<() => Promise<void>> = [];
    const launch: Launch = async (opts = {}) => {
      const documentsDir = opts.documentsDir ?? (await tempDir('yeban-e2e-docs-'));
      const profileDir = await tempDir('yeban-e2e-profile-');
      const args = opts.args ?? [];
      cleanups.push(async () => {
        if (!opts.documentsDir) await rm(documentsDir, { recursive: true, force: true });
        await rm(profileDir, { recursive: true, force: true });
      });
      const env = { ...process.env, YEBAN_DOCUMENTS_DIR: documentsDir, YEBAN_USER_DATA_DIR: profileDir } as Record<string, string>;
      const sandboxFlag = asRoot ? ['--no-sandbox'] : [];

      if (host === 'electron') {
        const electronApp = await _electron.launch({ args: [...sandboxFlag, root, ...args], cwd: root, env });
        cleanups.push(() => electronApp.close());
        const page = await electronApp.firstWindow();
        const secondLaunch = async (more: string[]) => {
          // A real second process on the same profile: it hands its argv to the first and quits.
          const binary = electronBinary();
          if (!binary) throw new Error('no Electron binary');
          const child = spawn(binary, [...sandboxFlag, root, ...more], { cwd: root, env, stdio: 'ignore' });
          await new Promise<void>((resolve, reject) => {
            child.once('exit', () => resolve());
            child.once('error', reject);
          });
        };
        return { host, page, documentsDir, secondLaunch };
      }

      if (!server) throw new Error('the chromium host needs its renderer server');
      // The same dispatch and handler table ipcMain uses, reached through a binding instead of a preload;
      // the sender URL is the calling frame's, so the origin check is real. argv is read by the same function.
      // Events a handler pushes (export progress) reach the page the way the Electron glue's webContents.send would.
      let pushTo: Page | null = null;
      const emit = (event: unknown) => void pushTo?.evaluate((e) => (globalThis as unknown as { __yebanHostEmit?: (e: unknown) => void }).__yebanHostEmit?.(e), event).catch(() => {});
      const dispatch = createDispatch({
        handlers,
        trustedOrigin: server.origin,
        context: { documentsDir, resourcesDir: path.join(root, 'resources'), host: 'chromium', appVersion, launchIssuePath: issuePathFromArgv(['yeban', ...args], root), emit },
      });
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        // An English browser: the UI must still start in Simplified Chinese.
        locale: 'en-US',
        viewport: { width: 1440, height: 900 },
      });
      cleanups.push(async () => {
        await context.close();
        // What the Electron main process does on quit: journal drafts, release locks, stop watching.
        await closeAllSessions();
      });
      await context.exposeBinding('__yebanHostInvoke', (source, channel: unknown, payload: unknown) => dispatch(channel, payload, source.frame.url()));
      const page = context.pages()[0] ?? (await context.newPage());
      pushTo = page;
      await page.goto(`${server.origin}/index.html`);
      const secondLaunch = async (more: string[]) => {
        // No second process here: the main process's second-instance step (the same function) and its push.
        const event = handOffEvent(['yeban', ...more], root);
        if (event) await page.evaluate((e) => (globalThis as unknown as { __yebanHostEmit?: (e: unknown) => void }).__yebanHostEmit?.(e), event);
      };
      return { host, page, documentsDir, secondLaunch };
    };
    await use(launch);
    for (const cleanup of cleanups.reverse()) await cleanup();
  },

  app: async ({ launch }, use) => use(await launch()),
});

export { expect } from '@playwright/test';
