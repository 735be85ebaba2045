import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { closeAllSessions, preopenSession } from '../../src/main/ipc/handlers/store';
import { issuePathFromArgv } from '../../src/main/app/argv';
import { rendererSwitchArgs } from '../../src/main/app/renderer-switches';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './detect';
import { type StaticServer } from './static-server';

// The Chromium host: the built renderer (served by static-server.ts) in Debian's Chromium, with the real main-process
// services reached through a binding instead of a preload. Shared by the e2e fixtures and the desk benchmark.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const appVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

export interface ChromiumHostOptions {
  server: StaticServer;
  /** Where the app keeps issues (the sample copy lands here). */
  documentsDir: string;
  /** A fresh browser profile. */
  profileDir: string;
  /** Command-line arguments after the app (e.g. an issue folder to open). */
  args?: string[];
  /** Extra Chromium switches. */
  extraArgs?: string[];
}

export interface ChromiumHost {
  context: BrowserContext;
  page: Page;
  /** Closes the browser, then does what the Electron main process does on quit: journal drafts, release locks. */
  close(): Promise<void>;
}

export async function launchChromiumHost(o: ChromiumHostOptions): Promise<ChromiumHost> {
  const args = o.args ?? [];
  // The same dispatch and handler table ipcMain uses, reached through a binding instead of a preload;
  // the sender URL is the calling frame's, so the origin check is real. argv is read by the same function.
  // Events a handler pushes (export progress) reach the page the way the Electron glue's webContents.send would.
  let pushTo: Page | null = null;
  const emit = (event: unknown) => void pushTo?.evaluate((e) => (globalThis as unknown as { __yebanHostEmit?: (e: unknown) => void }).__yebanHostEmit?.(e), event).catch(() => {});
  const launchIssuePath = issuePathFromArgv(['yeban', ...args], root);
  // As the Electron glue does: the launch issue starts opening while the browser starts.
  preopenSession(launchIssuePath);
  const dispatch = createDispatch({
    handlers,
    trustedOrigin: o.server.origin,
    context: { documentsDir: o.documentsDir, resourcesDir: path.join(root, 'resources'), host: 'chromium', appVersion, launchIssuePath, emit },
  });
  const context = await chromium.launchPersistentContext(o.profileDir, {
    executablePath: CHROMIUM_PATH,
    // The app's own engine switches, as the Electron glue appends them.
    args: [...CHROMIUM_ARGS, ...rendererSwitchArgs(), ...(o.extraArgs ?? [])],
    // An English browser: the UI must still start in Simplified Chinese.
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  const close = async () => {
    await context.close();
    await closeAllSessions();
  };
  try {
    await context.exposeBinding('__yebanHostInvoke', (source, channel: unknown, payload: unknown) => dispatch(channel, payload, source.frame.url()));
    const page = context.pages()[0] ?? (await context.newPage());
    pushTo = page;
    await page.goto(`${o.server.origin}/index.html`);
    return { context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
