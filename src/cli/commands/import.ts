// `yeban import <text-file> --into <issue-dir> [--page N] [--assets <dir>] [--json]`: plain text → stories.
// Every decision of the importer is printed (or written with --json) and stays on the story for review.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command } from 'commander';
import { FontRegistry } from '../../core/fonts';
import { autoLayoutPage, preparationIssue, withLeadStyle } from '../../core/layout/auto/index';
import { ComposeTypesetter } from '../../core/layout/compose-typesetter';
import { type ImportNote, type Story } from '../../core/model';
import { IMPORT_RULES, importText, type ImportResult } from '../../core/text/index';
import { importAsset } from '../../main/store/assets';
import { nodeFontLoader } from '../../main/fonts/node-font-loader';
import { addStory, openIssue, saveIssueMeta, StoreError } from '../../main/store/index';
import { type CliContext, CliError, EXIT_USAGE } from '../context';

const IMAGE_EXT = /\.(jpe?g|png)$/i;

/** UTF-8 first; copy from older Windows newsrooms often arrives as GB18030. */
export function decodeCopy(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch (_error) {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
    } catch (_error2) {
      throw new CliError(`${file}：不是 UTF-8 或 GB18030 编码的文本文件`);
    }
  }
}

function show(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\u3000/g, '\\u3000');
}

/** One story's decisions as lines; full-width punctuation fixes are many, so they share one line per field. */
export function formatNotes(notes: readonly ImportNote[]): string[] {
  const lines: string[] = [];
  const punct = new Map<string, number[]>();
  for (const n of notes) {
    if (n.rule === 'punct.fullwidth') {
      const key = n.field ?? 'body';
      punct.set(key, [...(punct.get(key) ?? []), n.offset]);
      continue;
    }
    const what = IMPORT_RULES[n.rule] ?? n.rule;
    const change = n.before === n.after ? `“${show(n.after)}”` : `“${show(n.before)}” → “${show(n.after)}”`;
    lines.push(`    ${n.field ?? 'body'} 第${n.offset}字  ${what}：${change}`);
  }
  for (const [field, offsets] of punct) {
    lines.push(`    ${field}  ${IMPORT_RULES['punct.fullwidth']} ${offsets.length} 处（第${offsets.join('、')}字）`);
  }
  return lines;
}

export function formatImport(result: ImportResult, file: string): string {
  const out: string[] = [`从 ${file} 导入 ${result.stories.length} 篇稿件：`];
  for (const s of result.stories) {
    const head = [...s.headline.kicker, ...s.headline.main, ...s.headline.sub].join(' / ') || '（无标题）';
    out.push(`  ${s.id}  ${s.kind}  ${show(head)}  （原文第${result.lines[s.id] ?? '?'}行起）`);
    out.push(...formatNotes(s.importNotes));
  }
  for (const sec of result.sections) {
    out.push(`  ${sec.kind === 'banner' ? '专栏标题' : '栏目标签'}“${show(sec.title)}”（第${sec.line}行）：${sec.storyIds.join('、')}`);
  }
  return `${out.join('\n')}\n`;
}

async function attachAssets(dir: string, assetsDir: string, stories: Story[], ctx: CliContext): Promise<void> {
  let files: string[];
  try {
    files = (await readdir(assetsDir)).filter((f) => IMAGE_EXT.test(f)).sort();
  } catch (_error) {
    throw new CliError(`图片文件夹 ${assetsDir} 无法读取`);
  }
  const awaiting = stories.flatMap((s) => s.photos.map((p, i) => ({ story: s, index: i, photo: p })));
  // A file named after the story or the photographer goes to that photo; the rest in order.
  const assigned = new Map<number, string>();
  for (const file of files) {
    const stem = file.replace(IMAGE_EXT, '');
    const k = awaiting.findIndex((a, i) => !assigned.has(i) && (a.story.headline.main.some((h) => h.replace(/\u3000/g, '').includes(stem) || stem.includes(h.replace(/\u3000/g, ''))) || a.story.bylines.some((c) => c.names.some((n) => stem.includes(n)))));
    if (k >= 0) assigned.set(k, file);
  }
  const rest = files.filter((f) => ![...assigned.values()].includes(f));
  awaiting.forEach((_, i) => {
    if (!assigned.has(i) && rest.length > 0) assigned.set(i, rest.shift()!);
  });
  for (const [i, file] of assigned) {
    const a = awaiting[i]!;
    const { asset } = await importAsset(dir, path.join(assetsDir, file), { source: file });
    a.story.photos[a.index] = { ...a.photo, assetId: asset.id };
    // The photo no longer waits: its decision becomes the file it got.
    a.story.importNotes = a.story.importNotes.filter((n) => !(n.rule === 'photo.awaiting' && n.field === `photos.${a.index}`));
    a.story.importNotes.push({ rule: 'photo.file', field: `photos.${a.index}`, offset: 0, before: '', after: file });
    ctx.stdout(`  图片 ${file} → ${a.story.id} 第${a.index + 1}张\n`);
  }
}

/** Composes the imported stories onto an empty page and saves the page's frames. */
async function composePage(dir: string, pageIndex: number, result: ImportResult, ctx: CliContext, json: boolean): Promise<unknown> {
  const opened = await openIssue(dir);
  // The lead's headline style joins the issue's styles (and is saved with the page) if the issue lacks it.
  const meta = withLeadStyle(opened.meta);
  const ids = new Set(result.stories.map((s) => s.id));
  const stories = meta.storyIds.filter((id) => ids.has(id)).map((id) => opened.stories[id]!).filter(Boolean);
  const all = new Map(Object.entries(opened.stories));
  const fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  const ts = new ComposeTypesetter(fonts, meta.styles, meta.house);
  const sections = result.sections.map((sec) => ({ title: sec.title, storyIds: sec.storyIds }));
  await ts.prepare(preparationIssue(meta, stories, sections), all);
  const laid = autoLayoutPage(meta, pageIndex, stories, sections, ts);
  try {
    await saveIssueMeta(dir, laid.meta, { baseHash: opened.metaHash, reason: `自动排版第${pageIndex + 1}版` });
  } catch (e) {
    if (e instanceof StoreError) throw new CliError(`保存版面失败：${e.message}`);
    throw e;
  }
  const fits = laid.layout.report.stories.filter((f) => ids.has(f.storyId));
  const summary = {
    page: pageIndex + 1, stacks: laid.stacks, frames: laid.frames.length, unplaced: laid.unplaced, open: laid.open,
    maxColumnWhite: laid.quality.maxColumnWhite, emptyColumns: laid.quality.emptyColumns,
    stories: fits.map((f) => ({ id: f.storyId, linesUsed: f.linesUsed, oversetLines: f.oversetLines, undersetLines: f.undersetLines, problems: f.problems })),
  };
  if (!json) {
    const lead = laid.quality.headlines[0];
    const leadText = lead ? `头条${lead.span === meta.geometry.columns ? '通栏' : `占 ${lead.span} 栏`}（主题 ${lead.sizePt} pt）` : '';
    ctx.stdout(`自动排版第${pageIndex + 1}版：${leadText}，其余稿件分 ${laid.stacks.join('、')} 栏排列，共 ${laid.frames.length} 个框\n`);
    for (const f of fits) {
      // Balanced columns (齐栏) leave up to one line at each column's foot: that is full, not short.
      const white = Math.max(0, ...laid.quality.columns.filter((c) => c.storyId === f.storyId).map((c) => c.white));
      const fit = f.oversetLines > 0 || f.oversetChars > 0 ? `超出 ${f.oversetLines} 行` : white > 1 ? `有一栏空 ${white} 行` : '排满';
      ctx.stdout(`  ${f.storyId}：${f.linesUsed} 行，${fit}${f.problems.length ? `；${f.problems.join('；')}` : ''}\n`);
    }
    const q = laid.quality;
    ctx.stdout(`  每栏文字末行距框底最多 ${q.maxColumnWhite} 行${q.emptyColumns.length ? `；第 ${q.emptyColumns.map((c) => c + 1).join('、')} 栏没有稿件` : ''}\n`);
    const open = laid.open.reduce((a, b) => a + b, 0);
    if (open > 0) ctx.stdout(`  稿件不足：版面底部还空 ${laid.open.join('、')} 行（按栏组）\n`);
    if (laid.unplaced.length > 0) ctx.stdout(`  本版放不下，留待他版：${laid.unplaced.join('、')}\n`);
  }
  return summary;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('把纯文本稿件导入期刊（识别标题、电头、图片署名，统一标点）/ import plain-text copy into an issue')
    .argument('<text-file>', '文本文件（UTF-8 或 GB18030）/ text file')
    .requiredOption('--into <issue-dir>', '目标期刊文件夹 / target issue folder')
    .option('--page <n>', '稿件所属版次（第几版）/ page the copy is for')
    .option('--assets <dir>', '图片文件夹：按文件名或顺序配给图片稿 / folder of photos for the copy')
    .option('--auto-layout', '把稿件自动排上 --page 指定的空白版面 / compose the stories onto the (empty) page')
    .option('--json', '以 JSON 输出导入决定 / write the decisions as JSON')
    .action(async (textFile: string, opts: { into: string; page?: string; assets?: string; json?: boolean; autoLayout?: boolean }) => {
      const file = path.resolve(ctx.cwd, textFile);
      const dir = path.resolve(ctx.cwd, opts.into);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (_error) {
        throw new CliError(`${textFile}：文件不存在或无法读取`);
      }
      const { text, encoding } = decodeCopy(bytes, textFile);
      let opened;
      try {
        opened = await openIssue(dir);
      } catch (e) {
        if (e instanceof StoreError) throw new CliError(`无法打开期刊 ${opts.into}：${e.message}`);
        throw e;
      }
      if (opened.readOnly) throw new CliError(`期刊 ${opts.into} 只读：${opened.readOnlyReason ?? ''}`);
      let pageLabel = '';
      if (opts.page !== undefined) {
        const n = Number(opts.page);
        const page = Number.isInteger(n) && n >= 1 ? opened.meta.pages[n - 1] : undefined;
        if (!page) throw new CliError(`--page ${opts.page}：期刊只有 ${opened.meta.pages.length} 个版面`, EXIT_USAGE);
        pageLabel = `p${n}`;
        if (opts.autoLayout && page.frames.some((f) => f.kind !== 'runningHead')) {
          throw new CliError(`第${n}版已有版面内容：--auto-layout 只排空白版面`, EXIT_USAGE);
        }
      } else if (opts.autoLayout) {
        throw new CliError('--auto-layout 需要 --page 指定版面', EXIT_USAGE);
      }
      const result = importText(text, { existingIds: opened.meta.storyIds, idPrefix: pageLabel || 'story' });
      if (result.stories.length === 0) throw new CliError(`${textFile}：没有可导入的文字`);
      if (opts.assets) await attachAssets(dir, path.resolve(ctx.cwd, opts.assets), result.stories, ctx);
      if (!opts.json) ctx.stdout(formatImport(result, textFile) + (encoding === 'UTF-8' ? '' : `  （按 ${encoding} 编码读取）\n`));
      for (const story of result.stories) {
        try {
          await addStory(dir, story);
        } catch (e) {
          if (e instanceof StoreError) throw new CliError(`保存稿件 ${story.id} 失败：${e.message}`);
          throw e;
        }
      }
      const layout = opts.autoLayout ? await composePage(dir, Number(opts.page) - 1, result, ctx, !!opts.json) : null;
      const awaiting = result.stories.flatMap((s) => s.photos.filter((p) => p.assetId === null).map((p) => ({ storyId: s.id, credit: p.credit, caption: p.caption })));
      if (opts.json) {
        ctx.stdout(`${JSON.stringify({ file: textFile, encoding, stories: result.stories.map((s) => ({ id: s.id, slug: s.slug, kind: s.kind, headline: s.headline, line: result.lines[s.id], importNotes: s.importNotes })), sections: result.sections, photosAwaiting: awaiting, ...(layout ? { layout } : {}) }, null, 2)}\n`);
      } else {
        for (const a of awaiting) ctx.stdout(`  待补图片：${a.storyId} ${show(a.credit || a.caption.slice(0, 20))}\n`);
        const placed = layout ? '，已排上版面' : pageLabel ? '，尚未上版' : '';
        ctx.stdout(`已保存 ${result.stories.length} 篇稿件到 ${opts.into}${pageLabel ? `（第${opts.page}版稿件${placed}）` : ''}\n`);
      }
    });
}
