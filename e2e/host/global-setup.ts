import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseHost, electronBinary } from './detect';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Names the host once per run, builds the app the specs load (a stale build would test old code),
// and on Linux without a display starts Xvfb for Electron.
export default async function globalSetup(): Promise<() => Promise<void>> {
  const host = chooseHost();
  console.log(`e2e host: ${host}`);
  if (host === 'electron' && !electronBinary()) throw new Error('YEBAN_E2E_HOST=electron but the Electron binary is not installed (npm run fetch-electron).');

  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status ?? build.signal})`);

  let xvfb: ChildProcess | null = null;
  if (host === 'electron' && process.platform === 'linux' && !process.env.DISPLAY) {
    // -displayfd: Xvfb picks a free display and writes its number on fd 3 once it accepts clients.
    const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    xvfb = proc;
    const display = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdio[3]?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(`:${out.trim()}`);
      });
      proc.once('error', reject);
      proc.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
    });
    process.env.DISPLAY = display;
  }
  return async () => {
    if (xvfb) xvfb.kill();
  };
}
