// `npm start`: builds the app when the build is missing or older than its sources, then opens it
// (on a copy of the bundled sample issue). Without Electron's binary it says how to get it, exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // Outside Electron, require('electron') is the binary's path; it throws when the binary was never fetched.
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  console.error(`夜班需要 Electron 程序文件，但它没有安装（npm 没有运行 Electron 的下载脚本，或设置了 ELECTRON_SKIP_BINARY_DOWNLOAD=1）。
Yeban needs the Electron binary, which is not installed.

获取方法 / To get it:
  npm run fetch-electron
or reinstall without skipping the download:
  unset ELECTRON_SKIP_BINARY_DOWNLOAD && rm -rf node_modules && npm install

没有 Electron 也能用命令行：npx yeban --help  (the CLI works without Electron)`);
  process.exit(1);
}

const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => path.join(root, p));
const sources = ['src/main', 'src/preload', 'src/renderer', 'src/core', 'electron.vite.config.ts'].map((p) => path.join(root, p));

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

const built = outputs.every((p) => existsSync(p)) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
if (built === 0 || Math.max(...sources.map(newestMtime)) > built) {
  console.log('[yeban] building the app…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[yeban] build failed: see the messages above.');
    process.exit(1);
  }
}

// Arguments after `npm start --` reach Electron (e.g. --no-sandbox when running as root in a container).
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
