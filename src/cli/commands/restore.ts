// `yeban restore <dir> <snapshot> [--story <id>]`: put the issue, or one story, back as it was.
import path from 'node:path';
import { type Command } from 'commander';
import { StoryIdSchema } from '../../core/model';
import { restoreSnapshot, StoreError } from '../../main/store/index';
import { type CliContext, CliError, EXIT_USAGE } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description('从历史快照恢复整期或一篇稿件 / restore the issue, or one story, from a snapshot')
    .argument('<dir>', '期刊文件夹 / issue folder (.yeban)')
    .argument('<snapshot>', '快照编号（见 yeban history）/ snapshot id (see yeban history)')
    .option('--story <id>', '只恢复这篇稿件 / restore only this story')
    .action(async (dir: string, snapshot: string, opts: { story?: string }) => {
      if (opts.story !== undefined && !StoryIdSchema.safeParse(opts.story).success) throw new CliError(`稿件编号「${opts.story}」无效`, EXIT_USAGE);
      try {
        const r = await restoreSnapshot(path.resolve(ctx.cwd, dir), snapshot, opts.story ? { storyId: opts.story } : {});
        ctx.stdout(`已从快照 ${r.snapshotId} 恢复：${r.restored.join('、')}\n`);
        if (r.beforeSnapshotId) ctx.stdout(`恢复前的状态保存在快照 ${r.beforeSnapshotId}（可用 yeban restore ${dir} ${r.beforeSnapshotId} 撤销）\n`);
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(e.message);
        throw e;
      }
    });
}
