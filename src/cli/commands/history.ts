// `yeban history <dir> [--json]`: the snapshots an issue can be restored to, newest first.
import path from 'node:path';
import { type Command } from 'commander';
import { listSnapshots, nodeFs, StoreError } from '../../main/store/index';
import { type CliContext, CliError } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('列出期刊的历史快照（最新在前）/ list the snapshots of an issue, newest first')
    .argument('<dir>', '期刊文件夹 / issue folder (.yeban)')
    .option('--json', '以 JSON 输出 / write JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const root = path.resolve(ctx.cwd, dir);
      try {
        await nodeFs.stat(path.join(root, 'issue.json'));
      } catch {
        throw new CliError(`${dir} 不是期刊文件夹（没有 issue.json）`);
      }
      let snaps;
      try {
        snaps = await listSnapshots(nodeFs, root);
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(e.message);
        throw e;
      }
      if (opts.json) {
        ctx.stdout(`${JSON.stringify(snaps, null, 2)}\n`);
        return;
      }
      if (snaps.length === 0) {
        ctx.stdout('没有历史快照\n');
        return;
      }
      for (const s of snaps) {
        const files = s.files.length <= 3 ? s.files.join(' ') : `${s.files.length} 个文件`;
        ctx.stdout(`${s.id}  ${s.at}  ${s.kind === 'full' ? '完整' : '增量'}  ${s.user}  ${s.reason}  ${files}\n`);
      }
    });
}
