// `yeban export <issue-dir> -o <file.pdf|dir> [--pages 1,3-4] [--pdfx 1a|none] [--marks] [--bleed <mm>]
// [--split] [--force] [--profile <icc>]`: lays the issue out, preflights it and writes print PDFs: one for
// the issue, or one per page (YYYYMMDD_<版次>.pdf) with manifest.json. Exit 1 when preflight found errors
// (pages held back, or written with --force).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type Finding, type PdfxMode } from '../../core/pdf';
import { exportPdf, ExportError } from '../../main/services/export-pdf';
import { exportFacts } from '../../main/services/layout-issue';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_USAGE } from '../context';
import { layoutIssueDir } from './layout';

/** '1,3-4' → [0, 2, 3] (positions from 1 on the command line, indices from 0 here). */
export function parsePageList(spec: string, count: number): number[] {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new CliError(`--pages 写法不对：“${part}”（例：1,3-4）`, EXIT_USAGE);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) throw new CliError(`--pages 范围不对：“${part}”`, EXIT_USAGE);
    if (b > count) throw new CliError(`--pages：本期只有 ${count} 个版面，没有第 ${b} 个`, EXIT_USAGE);
    for (let i = a; i <= b; i++) out.add(i - 1);
  }
  return [...out].sort((x, y) => x - y);
}

const bleedMm = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 20) throw new InvalidArgumentError('出血须是 0–20 之间的毫米数 / bleed must be 0–20 mm');
  return n;
};

const pdfxMode = (v: string): PdfxMode => {
  if (v !== '1a' && v !== 'none') throw new InvalidArgumentError('只能是 1a 或 none / must be 1a or none');
  return v;
};

function findingLine(f: Finding): string {
  const tag = f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '说明';
  return `  [${tag}] ${f.message}`;
}

interface ExportOptions {
  output: string;
  pages?: string;
  pdfx: PdfxMode;
  marks?: boolean;
  bleed: number;
  split?: boolean;
  force?: boolean;
  profile?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('预检并导出印厂用 PDF（PDF/X-1a） / preflight and export print PDFs (PDF/X-1a)')
    .argument('<issue-dir>', '期刊文件夹（.yeban） / the issue folder')
    .requiredOption('-o, --output <file.pdf|dir>', '整期一个 PDF，或一个文件夹（每版一个 PDF + manifest.json） / one PDF, or a folder for one PDF per page')
    .option('--pages <list>', '只导出这些版面，如 1,3-4 / only these pages, e.g. 1,3-4')
    .option('--pdfx <mode>', 'PDF/X 模式：1a 或 none / PDF/X mode: 1a or none', pdfxMode, '1a' as PdfxMode)
    .option('--marks', '加裁切线和套准标记 / add crop and registration marks')
    .option('--bleed <mm>', '出血（毫米） / bleed in mm', bleedMm, 0)
    .option('--split', '每版一个 PDF / one PDF per page')
    .option('--force', '预检有错误也导出（退出码仍为 1） / write pages with preflight errors (still exits 1)')
    .option('--profile <icc>', '印厂 CMYK 特性文件 / the plant\'s CMYK ICC profile')
    .action(async (dir: string, opts: ExportOptions) => {
      const output = path.resolve(ctx.cwd, opts.output);
      const toFile = /\.pdf$/i.test(output);
      if (toFile && opts.split) throw new CliError('--split 需要 -o 指向文件夹，而不是 .pdf 文件', EXIT_USAGE);
      let profile: Uint8Array | undefined;
      const profilePath = opts.profile ? path.resolve(ctx.cwd, opts.profile) : undefined;
      if (profilePath) {
        try {
          profile = new Uint8Array(await readFile(profilePath));
        } catch (e) {
          throw new CliError(`无法读取特性文件 ${profilePath}：${(e as Error).message}`, EXIT_USAGE);
        }
      }

      const laid = await layoutIssueDir(path.resolve(ctx.cwd, dir));
      const display = laid.result.display;
      const pages = opts.pages ? parsePageList(opts.pages, display.pages.length) : undefined;
      const total = pages?.length ?? display.pages.length;

      let outcome;
      try {
        outcome = await exportPdf(
          exportFacts(laid),
          {
            output,
            split: !toFile,
            pages,
            pdfx: opts.pdfx,
            bleedMm: opts.bleed,
            marks: opts.marks ?? false,
            force: opts.force ?? false,
            profilePath,
            profile,
            // Long exports say where they are; a page or two finishes before anyone could read it.
            onProgress: total > 2 ? (done, all, page) => ctx.stderr(`导出 ${done}/${all}（第 ${page} 版）\n`) : undefined,
          },
        );
      } catch (e) {
        if (e instanceof ExportError) throw new CliError(e.message, EXIT_USAGE);
        throw e;
      }

      for (const f of outcome.files) ctx.stdout(`${toFile ? output : path.join(output, f.file)}  ${(f.bytes / 1024).toFixed(0)} KB  sha256 ${f.sha256.slice(0, 12)}…\n`);
      ctx.stdout(`${outcome.manifestPath}\n`);
      if (outcome.findings.length > 0) {
        ctx.stderr('预检 / preflight:\n');
        for (const f of outcome.findings) ctx.stderr(`${findingLine(f)}\n`);
      }
      if (outcome.held.length > 0) {
        throw new CliError(`预检有错误，未导出：第 ${outcome.held.join('、')} 版（用 --force 强制导出） / pages held back by preflight errors`, EXIT_FAILURE);
      }
      if (outcome.errors) throw new CliError('预检有错误，已按 --force 导出 / written with --force despite preflight errors', EXIT_FAILURE);
    });
}
