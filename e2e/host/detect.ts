import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type E2eHost = 'electron' | 'chromium';

const require = createRequire(import.meta.url);

/** The Electron binary's path, or null when npm skipped its download (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function electronBinary(): string | null {
  try {
    // require('electron') outside Electron returns the binary's path, and throws when it was never fetched.
    const p = require('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Real Electron when its binary is installed; otherwise the built renderer in Debian's Chromium. */
export function chooseHost(): E2eHost {
  const forced = process.env.YEBAN_E2E_HOST;
  if (forced === 'electron' || forced === 'chromium') return forced;
  return electronBinary() ? 'electron' : 'chromium';
}

export const CHROMIUM_PATH = process.env.YEBAN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
