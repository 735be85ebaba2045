// `yeban check <issue-dir> [--json]`: proofreading (校对) of every story in an issue.
import path from 'node:path';
import { type Command } from 'commander';
import { type Story } from '../../core/model';
import { coverageFor } from '../../core/fonts';
import { checkStories, PROOF_RULE_NAMES, storyFields, type Finding } from '../../core/text/proof/index';
import { nodeFontLoader } from '../../main/fonts/node-font-loader';
import { openIssue, StoreError } from '../../main/store/index';
import { type CliContext, CliError, EXIT_FAILURE } from '../context';

function show(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\u3000/g, '\\u3000');
}

export function formatFinding(f: Finding, story: Story | undefined): string {
  const fix = f.suggestion === '' ? '删除' : `改为“${show(f.suggestion)}”`;
  return `${f.storyId}（${story?.slug ?? ''}）${f.field} 第${f.offset}字  [${PROOF_RULE_NAMES[f.rule]}] ${f.message}；建议${fix}`;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('校对期刊中的全部稿件（有问题时退出码为 1）/ proofread every story of an issue (exit 1 on findings)')
    .argument('<issue-dir>', '期刊文件夹 / issue folder (.yeban)')
    .option('--json', '以 JSON 输出 / write findings as JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const root = path.resolve(ctx.cwd, dir);
      let opened;
      try {
        opened = await openIssue(root, { readOnly: true });
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(`无法打开期刊 ${dir}：${e.message}`);
        throw e;
      }
      const stories = opened.meta.storyIds.map((id) => opened.stories[id]).filter((s): s is Story => s !== undefined);
      // Coverage over every role's chain: 楷体 and the newsroom's registered fonts draw what Noto lacks.
      const covers = await coverageFor(stories.flatMap(storyFields).map((f) => f.text).join(''), nodeFontLoader, opened.meta.house.fonts);
      const findings = checkStories(stories, { dictionary: opened.meta.house.dictionary, covers });
      if (opts.json) {
        ctx.stdout(`${JSON.stringify(findings, null, 2)}\n`);
      } else {
        const byId = new Map(stories.map((s) => [s.id, s]));
        for (const f of findings) ctx.stdout(`${formatFinding(f, byId.get(f.storyId))}\n`);
        ctx.stdout(findings.length === 0 ? `校对完毕：${stories.length} 篇稿件未发现问题\n` : `校对完毕：${stories.length} 篇稿件，${findings.length} 处问题\n`);
      }
      for (const p of opened.problems) ctx.stderr(`yeban: 未能读取 ${p.file}：${p.reason}\n`);
      if (findings.length > 0 || opened.problems.length > 0) throw new CliError(`${findings.length} 处校对问题`, EXIT_FAILURE);
    });
}
