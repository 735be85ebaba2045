// `yeban compose <text-file> --measure 13 --size 9`: sets plain text as body paragraphs (one per non-empty
// line) and prints every line with its width, so a reader can see what the composer did.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { ComposeCache, composeParagraphs, ensureParagraphs, type ComposedParagraph } from '../../core/compose';
import { FontRegistry } from '../../core/fonts';
import { DEFAULT_HOUSE, DEFAULT_STYLES, KinsokuLevelSchema, PunctStyleSchema, type ComposerParagraph, type StyleCatalog } from '../../core/model';
import { nodeFontLoader } from '../../main/fonts/node-font-loader';
import { type CliContext, CliError, EXIT_FAILURE, EXIT_USAGE } from '../context';

const positive = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} 必须是正数 / must be a positive number`);
  return n;
};

export function paragraphsFromText(text: string, styleId: string): ComposerParagraph[] {
  const out: ComposerParagraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const t = line.replace(/\r$/, '');
    if (t.trim().length > 0) {
      out.push({ kind: 'paragraph', styleId, runs: [{ text: t, bold: false, italic: false, role: 'text', offset }], offset, index: out.length });
    }
    offset += line.length + 1;
  }
  return out;
}

/** Lines as text: the source slice each line sets (spaces included), indented by its first glyph's x. */
export function formatComposed(ps: readonly ComposedParagraph[], size: number, source: string): string {
  const rows: string[] = [];
  for (const p of ps) {
    for (const l of p.lines) {
      const text = source.slice(l.start, l.end).replace(/\n$/, '');
      const lead = l.glyphs[0] && l.glyphs[0].x >= size ? '\u3000'.repeat(Math.round(l.glyphs[0].x / size)) : '';
      rows.push(`${l.width.toFixed(2).padStart(7)} pt ${(l.width / size).toFixed(2).padStart(6)} em${l.last ? ' ¶' : '  '}  ${lead}${text}`);
    }
    if (p.orphanFallback) rows.push('        （孤字未能消除：段落过短）');
    rows.push('');
  }
  return rows.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('compose')
    .description('按栏宽排正文并列出每行宽度 / set text as body lines and print each line with its width')
    .argument('<text-file>', '纯文本，每行一段 / plain text, one paragraph per line')
    .option('--measure <chars>', '栏宽（字） / measure in characters of the body size', positive('--measure'), 13)
    .option('--size <pt>', '字号（pt） / type size in pt', positive('--size'), 9)
    .option('--punct <style>', '标点风格 quanjiao | banjiao | kaiming', 'quanjiao')
    .option('--kinsoku <level>', '禁则 none | basic | gb | strict', 'gb')
    .option('--json', '以 JSON 输出行 / write the lines as JSON')
    .action(async (file: string, opts: { measure: number; size: number; punct: string; kinsoku: string; json?: boolean }) => {
      const punct = PunctStyleSchema.safeParse(opts.punct);
      const kinsoku = KinsokuLevelSchema.safeParse(opts.kinsoku);
      if (!punct.success) throw new CliError(`--punct 只能是 quanjiao、banjiao 或 kaiming，收到 ${opts.punct}`, EXIT_USAGE);
      if (!kinsoku.success) throw new CliError(`--kinsoku 只能是 none、basic、gb 或 strict，收到 ${opts.kinsoku}`, EXIT_USAGE);
      let text: string;
      try {
        text = await readFile(path.resolve(ctx.cwd, file), 'utf8');
      } catch (e) {
        throw new CliError(`无法读取 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`, EXIT_FAILURE);
      }
      const styles: StyleCatalog = {
        ...DEFAULT_STYLES,
        paragraph: DEFAULT_STYLES.paragraph.map((p) => (p.id === 'body' ? { ...p, size: { pt: opts.size } } : p)),
      };
      const house = { ...DEFAULT_HOUSE, kinsoku: kinsoku.data, punctStyle: punct.data };
      const fonts = new FontRegistry(nodeFontLoader, house.fonts);
      const c = { fonts, styles, house };
      const paras = paragraphsFromText(text, 'body');
      await ensureParagraphs(paras, c);
      const composed = composeParagraphs(paras, opts.measure * opts.size, c, new ComposeCache());
      if (opts.json) {
        ctx.stdout(`${JSON.stringify(composed.map((p) => ({ index: p.index, orphanFallback: p.orphanFallback, missing: p.missing, lines: p.lines.map((l) => ({ width: l.width, start: l.start, end: l.end, last: l.last, text: text.slice(l.start, l.end) })) })), null, 2)}\n`);
      } else {
        ctx.stdout(`${formatComposed(composed, opts.size, text)}\n`);
        const lines = composed.reduce((n, p) => n + p.lines.length, 0);
        ctx.stdout(`共 ${paras.length} 段 ${lines} 行；栏宽 ${opts.measure} 字 × ${opts.size} pt = ${(opts.measure * opts.size).toFixed(2)} pt\n`);
      }
      const missing = composed.flatMap((p) => p.missing);
      if (missing.length > 0) {
        for (const m of missing) ctx.stderr(`yeban: 第 ${m.offset} 字“${m.char}”（U+${m.char.codePointAt(0)!.toString(16).toUpperCase()}）无字体可排，以〓代替\n`);
        throw new CliError(`${missing.length} 个字符无字体可排`, EXIT_FAILURE);
      }
    });
}
