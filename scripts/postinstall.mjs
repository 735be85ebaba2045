// Root install hook: npm runs no dependency install scripts here, so the project fetches
// Electron's binary itself and builds the `yeban` CLI so that `npx yeban` works right away.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function run(args, label) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.warn(`[yeban postinstall] ${label} failed (exit ${r.status}).`);
  return r.status === 0;
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  console.log('[yeban postinstall] ELECTRON_SKIP_BINARY_DOWNLOAD=1: not fetching the Electron binary.');
} else if (existsSync(path.join(root, 'node_modules/electron/install.js'))) {
  if (!run(['scripts/fetch-electron.mjs'], 'fetching the Electron binary')) {
    console.warn('[yeban postinstall] `npm start` needs it: run `npm run fetch-electron` when the network allows.');
  }
}

if (existsSync(path.join(root, 'node_modules/esbuild'))) {
  if (!run(['scripts/build-cli.mjs'], 'building the yeban CLI')) process.exit(1);
}
