import { test as base, _electron, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPathsFrom } from '../../src/main/app/paths';
import { handOffEvent } from '../../src/main/app/argv';
import { launchChromiumHost } from './chromium-host';
import { chooseHost, electronBinary, type E2eHost } from './detect';
import { serveRenderer, type StaticServer } from './static-server';

// Each launch gets the app in a fresh state: its own documents folder (where the sample copy lands)
// and its own browser profile. The same specs run on either host.

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { rendererDir } = builtPathsFrom(path.join(root, 'out', 'main'));
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
      const chromiumHost = await launchChromiumHost({ server, documentsDir, profileDir, args });
      cleanups.push(chromiumHost.close);
      const page = chromiumHost.page;
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
