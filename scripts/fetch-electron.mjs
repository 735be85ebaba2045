// Runs Electron's own installer (which downloads the platform binary) — the step npm skips
// when dependency install scripts are not allowed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installer = require.resolve('electron/install.js');
const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
