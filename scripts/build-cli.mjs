// Bundles the `yeban` command into one ESM file (dependencies stay external), so the CLI
// starts fast and `npx yeban` works without a TypeScript runtime.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/yeban.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __yebanCreateRequire } from 'node:module'; const require = __yebanCreateRequire(import.meta.url);" },
});
