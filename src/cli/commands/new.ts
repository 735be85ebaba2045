// `yeban new <dir> --paper <name> --date <YYYY-MM-DD> --pages <n> --size broadsheet|tabloid|<w>x<h>mm`
import path from 'node:path';
import { type Command } from 'commander';
import { createIssue, parsePageSize, StoreError } from '../../main/store/index';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_USAGE } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('new')
    .description('新建空白期刊文件夹 / create an empty issue folder')
    .argument('<dir>', '新期刊文件夹（通常以 .yeban 结尾）/ the new issue folder')
    .requiredOption('--paper <name>', '报名 / newspaper name')
    .requiredOption('--date <YYYY-MM-DD>', '出版日期 / publication date')
    .requiredOption('--pages <n>', '版数 / number of pages')
    .option('--size <size>', '版面尺寸：broadsheet（对开）、tabloid（四开）或 <宽>x<高>mm / trim size', 'broadsheet')
    .action(async (dir: string, opts: { paper: string; date: string; pages: string; size: string }) => {
      const root = path.resolve(ctx.cwd, dir);
      if (!/^\d+$/.test(opts.pages)) throw new CliError(`--pages 应为正整数，而不是「${opts.pages}」`, EXIT_USAGE);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new CliError(`--date 应为 YYYY-MM-DD，而不是「${opts.date}」`, EXIT_USAGE);
      try {
        const size = parsePageSize(opts.size);
        const meta = await createIssue(root, { paper: opts.paper, date: opts.date, pages: Number(opts.pages), size });
        const g = meta.geometry;
        ctx.stdout(`已新建期刊 ${root}\n${meta.paper} ${meta.date}，${meta.pages.length} 个版，${g.trimWidthMm}×${g.trimHeightMm}mm，${g.columns} 栏 × ${g.charsPerColumn} 字，${g.lines} 行\n`);
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(e.message, e.file.startsWith('--') ? EXIT_USAGE : EXIT_FAILURE);
        throw e;
      }
    });
}
