// `npm run bench [-- filter…]`: runs every case of bench/*.bench.ts whose file, group or name contains one
// of the filters, prints a table and writes bench/results/latest.json.
//
// Each bench file runs in a child process of its own, so one file's caches, JIT state and heap do not
// colour another's timings or memory figures, and a file that fails to load cannot stop the others.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, type BenchResult, formatTable, measure } from './harness';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

interface Args {
  filters: string[];
  iterations?: number;
  out: string;
  /** Internal: run one bench file and write its results to this JSON file. */
  worker?: { file: string; resultFile: string };
}

function parseArgs(argv: string[]): Args {
  const args: Args = { filters: [], out: path.join(benchDir, 'results', 'latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--iterations' || a === '-n') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--iterations needs a whole number, got ${argv[i]}`);
      args.iterations = n;
    } else if (a === '--out') {
      const out = argv[++i];
      if (!out) throw new Error('--out needs a file');
      args.out = path.resolve(out);
    } else if (a === '--worker') {
      const file = argv[++i];
      const resultFile = argv[++i];
      if (!file || !resultFile) throw new Error('--worker needs a bench file and a result file');
      args.worker = { file, resultFile };
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench -- [filter…] [--iterations N (≥ 30)] [--out file.json]\n');
      process.exit(0);
    } else {
      args.filters.push(a.toLowerCase());
    }
  }
  return args;
}

const matches = (filters: string[], ...names: string[]): boolean =>
  filters.length === 0 || filters.some((f) => names.some((s) => s.toLowerCase().includes(f)));

interface WorkerReport {
  results: BenchResult[];
  /** Why the file could not be loaded. */
  loadError?: string;
}

/** In the child: load one bench file and measure its matching cases. */
async function runWorker(args: Args & { worker: NonNullable<Args['worker']> }): Promise<void> {
  const { file, resultFile } = args.worker;
  let cases: BenchCase[];
  try {
    const mod = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { cases?: unknown };
    if (!Array.isArray(mod.cases)) throw new Error('does not export `cases: BenchCase[]`');
    cases = mod.cases as BenchCase[];
  } catch (error) {
    const report: WorkerReport = { results: [], loadError: error instanceof Error ? error.message : String(error) };
    await writeFile(resultFile, JSON.stringify(report));
    return;
  }
  const results: BenchResult[] = [];
  for (const c of cases.filter((c) => matches(args.filters, file, c.group, c.name))) {
    process.stderr.write(`· ${c.group} / ${c.name} …\n`);
    results.push(await measure(c, args.iterations ? { iterations: args.iterations } : {}));
  }
  await writeFile(resultFile, JSON.stringify({ results } satisfies WorkerReport));
}

/** In the parent: run one bench file in a fresh Node process (same loader flags, so TypeScript works). */
async function runFile(file: string, args: Args, tmp: string): Promise<WorkerReport> {
  const resultFile = path.join(tmp, `${file}.json`);
  const childArgs = [...process.execArgv, self, '--worker', file, resultFile, ...args.filters, ...(args.iterations ? ['--iterations', String(args.iterations)] : [])];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, childArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  try {
    return JSON.parse(await readFile(resultFile, 'utf8')) as WorkerReport;
  } catch (_error) {
    return { results: [], loadError: `the bench process exited with code ${code} before reporting` };
  }
}

type StoredResult = BenchResult & { measuredAt?: string };

async function previousResults(file: string): Promise<StoredResult[]> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { results?: StoredResult[] };
    return Array.isArray(data.results) ? data.results : [];
  } catch (_error) {
    return [];
  }
}

function mergeResults(previous: StoredResult[], fresh: StoredResult[]): StoredResult[] {
  const key = (r: StoredResult): string => `${r.group}\u0000${r.name}`;
  const replaced = new Set(fresh.map(key));
  return [...previous.filter((r) => !replaced.has(key(r))), ...fresh];
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.worker) {
    await runWorker({ ...args, worker: args.worker });
    return 0;
  }
  const files = (await readdir(benchDir)).filter((f) => f.endsWith('.bench.ts')).sort();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yeban-bench-run-'));
  const results: BenchResult[] = [];
  const loadErrors: { file: string; error: string }[] = [];
  try {
    for (const file of files) {
      const report = await runFile(file, args, tmp);
      results.push(...report.results);
      // A broken file is reported when the run would have included it.
      if (report.loadError && matches(args.filters, file)) {
        loadErrors.push({ file, error: report.loadError });
        process.stderr.write(`bench: ${file} could not be loaded: ${report.loadError}\n`);
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (results.length === 0 && loadErrors.length === 0) {
    process.stderr.write(`no bench case matches ${args.filters.join(' ')}\n`);
    return 2;
  }
  process.stdout.write(formatTable(results) + '\n');
  await mkdir(path.dirname(args.out), { recursive: true });
  const measuredAt = new Date().toISOString();
  const fresh = results.map((r) => ({ ...r, measuredAt }));
  const report = {
    date: measuredAt,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: os.cpus()[0]?.model ?? '',
    cpus: os.cpus().length,
    filters: args.filters,
    loadErrors,
    // A filtered run updates its cases and keeps the others' last figures (each result says when it was measured).
    results: args.filters.length ? mergeResults(await previousResults(args.out), fresh) : fresh,
  };
  await writeFile(args.out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`\nwritten ${path.relative(process.cwd(), args.out)}\n`);
  // A missed target is a finding; an error inside a case or a file that cannot load is a failure.
  return loadErrors.length > 0 || results.some((r) => r.error || r.pass === false) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
