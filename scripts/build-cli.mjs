// Bundles the `yeban` command into one ESM file, so the CLI starts fast and `npx yeban` works
// without a TypeScript runtime.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { deferUnicodeData } from './lazy-unicode-data.mjs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Pure-JS packages `yeban export` always loads are bundled in: Node resolving and compiling their hundreds of
// small files (pdf-lib's CommonJS tree above all) cost more start-up time than the export's own work.
// Native packages (sharp, resvg) and the ones only some commands need (opencc-js) stay external.
const BUNDLED = new Set(['pdf-lib', 'fontkit', 'zod', 'commander']);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
// fontkit's Unicode tables inflate on first use, not at start-up (src/core/fonts/lazy-unicode-trie.ts): the bare
// package name only, so the stand-in itself still reaches the real class by its file path.
const lazyUnicodeTrie = {
  name: 'lazy-unicode-trie',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, () => ({ path: path.join(root, 'src/core/fonts/lazy-unicode-trie.ts') }));
    // …and decoded from base64 on first use too (scripts/lazy-unicode-data.mjs).
    b.onLoad({ filter: /[\\/](fontkit|unicode-properties)[\\/]dist[\\/][\w-]+\.mjs$/ }, async (args) => {
      const contents = deferUnicodeData(await readFile(args.path, 'utf8'), args.path);
      return contents === null ? undefined : { contents, loader: 'js' };
    });
  },
};
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/yeban.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  mainFields: ['module', 'main'],
  plugins: [lazyUnicodeTrie],
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __yebanCreateRequire } from 'node:module'; const require = __yebanCreateRequire(import.meta.url);" },
});
