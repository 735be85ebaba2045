// Security lint of the Electron shell with Doyensec's Electronegativity, offline and in English
// (`npm test` runs it). It scans what ships: the built main process and preload, and the built
// index.html (where the CSP meta tag lives; the renderer's JS bundle is React and has no Electron API).
// The run fails when
//   - the file that creates the BrowserWindow was not parsed (checked with a canary: the same file with
//     contextIsolation switched off must produce a finding, so a silently skipped file cannot pass), or
//   - any SARIF result is not a manual-review item.
// The CLI (dist/index.js) cannot run here: it expects an old `commander` that npm hoists away, so the
// runner is called directly with the same options the CLI would pass (`-x AvailableSecurityFixesGlobalCheck -o x.sarif`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const work = path.join(root, '.tmp', 'electronegativity');
// Its translations are fetched over the network unless the locale is one it ships; en-US keeps it local.
process.env.LANG = 'en-US';

const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
if (!built.every((f) => existsSync(path.join(root, f)))) {
  console.log('electronegativity: building the app first…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('the build failed');
}

function fail(message) {
  console.error(`electronegativity: FAILED — ${message}`);
  process.exit(1);
}

/** Copies what ships into `dir`: main, preload, the renderer's index.html and package.json (for the Electron version). */
function stage(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'renderer'), { recursive: true });
  cpSync(path.join(root, 'out/main'), path.join(dir, 'main'), { recursive: true });
  cpSync(path.join(root, 'out/preload'), path.join(dir, 'preload'), { recursive: true });
  cpSync(path.join(root, 'out/renderer/index.html'), path.join(dir, 'renderer/index.html'));
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
}

const run = require('@doyensec/electronegativity');
const quietly = async (fn) => {
  // The runner prints its progress bar and a translation warning to the console.
  const { log } = console;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = log;
  }
};
const scan = (input, output) =>
  quietly(() =>
    run({ input, output, isSarif: true, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], isRelative: true, isVerbose: false, parserPlugins: [] }, false),
  );

// 1. The shell as built.
const input = path.join(work, 'input');
stage(input);
const mainFiles = readdirSync(path.join(input, 'main')).filter((f) => /\.(m?js|cjs)$/.test(f));
const windowFile = mainFiles.find((f) => /new\s+BrowserWindow\s*\(/.test(readFileSync(path.join(input, 'main', f), 'utf8')));
if (!windowFile) fail('no built main-process file creates a BrowserWindow');
const windowRel = `main/${windowFile}`;

const sarifFile = path.join(work, 'electronegativity.sarif');
const result = await scan(input, sarifFile);
const parseErrors = result.errors.filter((e) => !e.tolerable);
if (parseErrors.length) fail(`could not parse ${parseErrors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);

// 2. Canary: the same shell with contextIsolation off must be caught in the BrowserWindow file.
const canary = path.join(work, 'canary');
stage(canary);
const canaryMain = path.join(canary, windowRel);
const source = readFileSync(canaryMain, 'utf8');
const mutated = source.replace(/contextIsolation:\s*true/, 'contextIsolation: false');
if (mutated === source) fail(`${windowRel} does not set contextIsolation: true`);
writeFileSync(canaryMain, mutated);
const canaryResult = await scan(canary, path.join(work, 'canary.sarif'));
const caught = canaryResult.issues.some((i) => i.id === 'CONTEXT_ISOLATION_JS_CHECK' && i.file.replace(/\\/g, '/').endsWith(windowRel));
if (!caught) fail(`Electronegativity did not parse ${windowRel} (a disabled contextIsolation there went unnoticed)`);
rmSync(canary, { recursive: true, force: true });

// 3. Count the SARIF results; each must be an item the tool itself marks for manual review.
const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
const sarifResults = sarif.runs.flatMap((r) => r.results ?? []);
const manual = new Map();
for (const i of result.issues) {
  const key = `${i.id}@${i.location.line}`;
  if (i.manualReview) manual.set(key, (manual.get(key) ?? 0) + 1);
}
const findings = [];
const reviews = [];
for (const r of sarifResults) {
  const loc = r.locations?.[0]?.physicalLocation;
  const line = loc?.region?.startLine ?? 0;
  const where = `${loc?.artifactLocation?.uri ?? '?'}:${line}`;
  // SARIF counts lines from 1; the tool reports "N/A" findings at line 0 and writes them as line 1.
  const key = [`${r.ruleId}@${line}`, `${r.ruleId}@${line - 1}`].find((k) => (manual.get(k) ?? 0) > 0);
  const text = `${r.ruleId} ${where} — ${r.message?.text ?? ''}`;
  if (key) {
    manual.set(key, manual.get(key) - 1);
    reviews.push(text);
  } else findings.push(text);
}

console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.globalChecks + result.atomicChecks} checks on ${path.relative(root, input)} (BrowserWindow created in ${windowRel}, parsed: canary caught)`);
console.log(`SARIF: ${sarifResults.length} result(s), ${findings.length} finding(s), ${reviews.length} manual-review item(s) → ${path.relative(root, sarifFile)}`);
for (const r of reviews) console.log(`  review: ${r}`);
for (const f of findings) console.error(`  FINDING: ${f}`);
if (findings.length) fail(`${findings.length} finding(s) that are not manual-review items`);
console.log('electronegativity: ok');
