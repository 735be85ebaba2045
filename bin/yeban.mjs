#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '../out/cli/yeban.mjs');
if (!existsSync(cli)) {
  console.error('yeban: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) in the Yeban folder.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
