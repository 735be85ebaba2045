// `yeban info <dir> [--json]`: pages, stories, locks and findings of an issue (exit 1 when something needs attention).
import path from 'node:path';
import { type Command } from 'commander';
import { summarizeIssue, StoreError, type IssueSummary } from '../../main/store/index';
import { type CliContext, CliError, EXIT_FAILURE } from '../context';

export function formatSummary(s: IssueSummary): string {
  const out: string[] = [];
  const g = s.geometry;
  out.push(`${s.paper}  ${s.date}${s.issueNumber ? `  ${s.issueNumber}` : ''}`);
  out.push(`文件夹：${s.dir}`);
  out.push(`版面：${g.trimWidthMm}×${g.trimHeightMm}mm，${g.columns} 栏 × ${g.charsPerColumn} 字，${g.lines} 行；格式版本 ${s.schemaVersion}`);
  if (s.readOnlyReason) out.push(`只读：${s.readOnlyReason}`);
  out.push('', `版（${s.pages.length}）：`);
  for (const p of s.pages) out.push(`  ${p.number}  ${p.name || '（未命名）'}  ${p.frames} 个框${p.stories.length ? `  稿件：${p.stories.join('、')}` : ''}`);
  out.push('', `稿件（${s.stories.length}）：`);
  for (const st of s.stories) {
    out.push(`  ${st.id}  ${st.slug}  ${st.kind}  ${st.status}  ${st.chars} 字${st.photos ? `  ${st.photos} 图` : ''}  修订 ${st.revision}${st.onPages.length ? `  见第 ${st.onPages.join('、')} 版` : '  未上版'}`);
  }
  out.push('', `图片：${s.assets} 张`);
  out.push('', `锁（${s.locks.length}）：`);
  for (const l of s.locks) out.push(`  ${l.kind === 'story' ? '稿件' : '版面'} ${l.id}  ${l.user}@${l.host}  心跳 ${l.heartbeatAt}${l.stale ? `  已失效（${l.staleReason}）` : ''}`);
  for (const t of s.takeovers) out.push(`  接管：${t.at} ${t.by.user} 接管了 ${t.from.user} 的${t.kind === 'story' ? '稿件' : '版面'} ${t.id}（${t.from.why}）`);
  const issues = s.problems.length + s.findings.length;
  out.push('', `问题（${issues}）：`);
  for (const p of s.problems) out.push(`  错误  ${p.message}${p.lastGoodSnapshot ? `（可用快照 ${p.lastGoodSnapshot} 恢复：yeban restore <dir> ${p.lastGoodSnapshot}）` : ''}`);
  for (const f of s.findings) out.push(`  ${f.level === 'warning' ? '警告' : '提示'}  ${f.file}：${f.message}`);
  if (issues === 0) out.push('  无');
  return out.join('\n') + '\n';
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('info')
    .description('显示期刊的版面、稿件、锁和问题 / show pages, stories, locks and findings of an issue')
    .argument('<dir>', '期刊文件夹 / issue folder (.yeban)')
    .option('--json', '以 JSON 输出 / write JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      let s: IssueSummary;
      try {
        s = await summarizeIssue(path.resolve(ctx.cwd, dir));
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(`无法打开期刊：${e.message}${e.lastGoodSnapshot ? `\n最近的完好快照：${e.lastGoodSnapshot}（yeban restore ${dir} ${e.lastGoodSnapshot}）` : ''}`);
        throw e;
      }
      ctx.stdout(opts.json ? `${JSON.stringify(s, null, 2)}\n` : formatSummary(s));
      const attention = s.problems.length + s.findings.filter((f) => f.level === 'warning').length;
      if (attention > 0) throw new CliError(`${attention} 处需要处理的问题`, EXIT_FAILURE);
    });
}
