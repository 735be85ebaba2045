// Child processes for the store tests are bundled once into plain ESM, so each spawn starts in tens of
// milliseconds (the crash test spawns two hundred of them).
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../../..');
const outDir = path.join(root, '.tmp', 'store-children');

export async function buildChild(name: 'saver' | 'locker'): Promise<string> {
  const outfile = path.join(outDir, `${name}-${process.pid}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(import.meta.dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
