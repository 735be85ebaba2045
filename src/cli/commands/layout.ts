// `yeban layout <issue-dir> [--json]`: lays the issue out and prints, per page and story, the frames, the
// lines used, overset/underset in 字 and 行, and any character no font could draw. Exit 1 when a story is
// overset, a character is missing or a frame does not fit, so scripts can gate on it.
import path from 'node:path';
import type { Command } from 'commander';
import { type LayoutResult, type StoryFit } from '../../core/layout';
import { layOutIssueFolder, type LaidOutIssue } from '../../main/services/layout-issue';
import { StoreError } from '../../main/store';
import { type CliContext, CliError, EXIT_FAILURE } from '../context';

/** Opens an issue folder read-only and lays it out; a folder that cannot be opened is a CLI failure. */
export async function layoutIssueDir(dir: string): Promise<LaidOutIssue> {
  try {
    return await layOutIssueFolder(dir);
  } catch (e) {
    if (e instanceof StoreError) throw new CliError(`无法打开期刊 ${dir}：${e.message}`, EXIT_FAILURE);
    throw e;
  }
}

function storyLine(s: StoryFit): string {
  const fit = s.oversetChars > 0 || s.oversetLines > 0
    ? `超出 ${s.oversetChars} 字 / ${s.oversetLines} 行`
    : s.undersetLines > 0 || s.undersetChars > 0 ? `不足 ${s.undersetChars} 字 / ${s.undersetLines} 行` : '正好';
  const frames = s.frames.map((f) => `${f.frameId}（${f.used}/${f.capacity} 行${f.full ? '，满' : ''}）`).join('、');
  const lines = [`  ${s.slug} [${s.storyId}]：用 ${s.linesUsed} 行，${fit}${frames ? `；文字框 ${frames}` : ''}`];
  if (s.missing.length > 0) lines.push(`    缺字（无字体可排，以〓代替）：${s.missing.join(' ')}`);
  for (const p of s.problems) lines.push(`    问题：${p}`);
  return lines.join('\n');
}

export function formatReport(r: LayoutResult): string {
  const out: string[] = [];
  const byId = new Map(r.report.stories.map((s) => [s.storyId, s]));
  for (const p of r.report.pages) {
    out.push(`第 ${p.number} 版 ${p.name}`);
    for (const problem of p.problems) out.push(`  问题：${problem}`);
    for (const id of p.storyIds) {
      const s = byId.get(id);
      if (s) out.push(storyLine(s));
    }
  }
  if (r.report.unplaced.length > 0) out.push(`未上版稿件：${r.report.unplaced.join('、')}`);
  return out.join('\n') + '\n';
}

/** True when the layout has something the desk must fix before the page can go. */
export function hasFindings(r: LayoutResult): boolean {
  return r.report.pages.some((p) => p.problems.length > 0) ||
    r.report.stories.some((s) => s.oversetChars > 0 || s.oversetLines > 0 || s.missing.length > 0 || s.problems.length > 0);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('layout')
    .description('排版并报告每版每稿的行数、超出/不足与缺字 / lay out an issue and report copyfit per page and story')
    .argument('<issue-dir>', '期刊文件夹（.yeban） / the issue folder')
    .option('--json', '以 JSON 输出 / write the report as JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const laid = await layoutIssueDir(path.resolve(ctx.cwd, dir));
      if (opts.json) ctx.stdout(JSON.stringify(laid.result.report, null, 2) + '\n');
      else ctx.stdout(formatReport(laid.result));
      if (hasFindings(laid.result)) throw new CliError('版面有待处理的问题（见上） / the layout has findings (see above)', EXIT_FAILURE);
    });
}
