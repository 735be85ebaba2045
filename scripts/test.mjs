// `npm test`: every check, in order, then one closing line with the totals of every runner:
// `N passed, N failed`. A step that cannot report counts (typecheck, lint, security) counts as one check.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
const lines = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  console.log(`◀ ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

function single(label, cmd, args, opts) {
  const ok = run(label, cmd, args, opts);
  if (ok) passed++;
  else failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

function counted(label, cmd, args, reportFile, count, opts) {
  rmSync(reportFile, { force: true });
  const ok = run(label, cmd, args, opts);
  let p = 0;
  let f = 0;
  try {
    [p, f] = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    // No report: the runner itself broke.
  }
  if (!ok && f === 0) f = 1;
  passed += p;
  failed += f;
  lines.push(`${label}: ${p} passed, ${f} failed`);
}

const want = (name) => only.length === 0 || only.includes(name);

if (want('typecheck')) {
  single('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
  single('typecheck (renderer)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
}
if (want('lint')) single('eslint (layering)', npx, ['eslint', '--max-warnings', '0', '.']);
if (want('build')) single('build', 'npm', ['run', 'build']);
if (want('security')) single('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);
if (want('unit')) {
  const file = path.join(tmp, 'vitest.json');
  counted('vitest', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], file,
    (j) => [j.numPassedTests ?? 0, (j.numFailedTests ?? 0) + (j.numRuntimeErrorTests ?? 0)]);
}
if (want('e2e')) {
  const file = path.join(tmp, 'playwright.json');
  counted('playwright', npx, ['playwright', 'test'], file, (j) => {
    const s = j.stats ?? {};
    return [s.expected ?? 0, (s.unexpected ?? 0) + (s.flaky ?? 0)];
  }, { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file } });
}

console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
