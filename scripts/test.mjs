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

// CI keeps only the tail of the log: the failing tests' names are repeated beside the totals.
const failures = [];

function counted(label, cmd, args, reportFile, count, failedNames, opts) {
  rmSync(reportFile, { force: true });
  const ok = run(label, cmd, args, opts);
  let p = 0;
  let f = 0;
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    [p, f] = count(report);
    for (const name of failedNames(report)) failures.push(`${label} ✗ ${name}`);
  } catch {
    // No report: the runner itself broke.
  }
  if (!ok && f === 0) f = 1;
  passed += p;
  failed += f;
  lines.push(`${label}: ${p} passed, ${f} failed`);
}

function firstLine(text) {
  // eslint-disable-next-line no-control-regex
  return String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';
}

function playwrightFailures(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) => (spec.tests ?? [])
      .filter((t) => t.status === 'unexpected' || t.status === 'flaky')
      .map((t) => `${spec.file}:${spec.line} › ${spec.title}: ${firstLine(t.results?.find((r) => r.error)?.error?.message)}`)),
    ...playwrightFailures(suite.suites ?? []),
  ]);
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
    (j) => [j.numPassedTests ?? 0, (j.numFailedTests ?? 0) + (j.numRuntimeErrorTests ?? 0)],
    (j) => (j.testResults ?? []).flatMap((file) => {
      const rel = path.relative(root, file.name ?? '');
      const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      if (tests.length === 0 && file.status === 'failed') return [`${rel}: ${firstLine(file.message)}`];
      return tests.map((t) => `${rel} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    }));
}
if (want('e2e')) {
  const file = path.join(tmp, 'playwright.json');
  counted('playwright', npx, ['playwright', 'test'], file, (j) => {
    const s = j.stats ?? {};
    return [s.expected ?? 0, (s.unexpected ?? 0) + (s.flaky ?? 0)];
  }, (j) => playwrightFailures(j.suites ?? []), { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file } });
}

console.log('\n' + [...failures, ...lines].join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
