// `yeban render <issue-dir> --page N -o page.svg|page.png`: draws one page of the display list. The SVG
// carries glyph outlines from the same font bytes the PDF embeds; the PNG is that SVG rasterised by resvg.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ResvgModule from '@resvg/resvg-js';
import { type Command, InvalidArgumentError } from 'commander';
import type { DisplayPage } from '../../core/display/types';
import type { FontRegistry } from '../../core/fonts';
import { renderSvg } from '../../core/render';
import { type CliContext, CliError, EXIT_USAGE } from '../context';
import { layoutIssueDir } from './layout';

/**
 * Screen copies of a page's pictures as data: URLs. Assets are print files (often CMYK JPEG, which SVG
 * rasterisers cannot read): each is converted to an sRGB JPEG no wider than the page needs.
 */
export async function imageHrefs(dir: string, page: DisplayPage, maxWidthPx: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // Native modules load on use: every command shares one bundle, and sharp alone costs ~80 ms at start-up.
  const sharp = page.items.some((i) => i.kind === 'image') ? (await import('sharp')).default : null;
  for (const item of page.items) {
    if (!sharp || item.kind !== 'image' || !item.assetId || out.has(item.assetId)) continue;
    try {
      const bytes = await readFile(path.join(dir, 'assets', item.assetId));
      const width = Math.max(16, Math.min(maxWidthPx, Math.ceil((item.w / page.width) * maxWidthPx * 2)));
      const jpeg = await sharp(bytes).toColourspace('srgb').resize({ width, withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
      out.set(item.assetId, `data:image/jpeg;base64,${jpeg.toString('base64')}`);
    } catch (_error) {
      // A missing or unreadable picture is drawn as the "picture missing" panel; layout already reported it.
    }
  }
  return out;
}

export async function pageSvg(dir: string, page: DisplayPage, fonts: FontRegistry, pixelWidth: number): Promise<string> {
  const hrefs = await imageHrefs(dir, page, pixelWidth);
  return renderSvg(page, {
    outlines: { outline: (face, gid) => fonts.glyphPath(face.key, gid) },
    imageHref: (id) => hrefs.get(id) ?? null,
    pixelWidth,
  });
}

export function svgToPng(svg: string, pixelWidth: number): Buffer {
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgModule;
  return new Resvg(svg, { fitTo: { mode: 'width', value: pixelWidth }, background: '#ffffff', font: { loadSystemFonts: false } }).render().asPng();
}

const positiveInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} 必须是正整数 / must be a positive integer`);
  return n;
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('render')
    .description('把一个版面画成 SVG 或 PNG / draw one page as SVG or PNG')
    .argument('<issue-dir>', '期刊文件夹（.yeban） / the issue folder')
    .option('--page <n>', '第几个版面（从 1 起，或版次如 07） / page position from 1, or its number such as 07', '1')
    .requiredOption('-o, --output <file>', '输出文件 .svg 或 .png / output file, .svg or .png')
    .option('--width <px>', 'PNG 宽度（像素） / PNG width in pixels', positiveInt('--width'), 2400)
    .action(async (dir: string, opts: { page: string; output: string; width: number }) => {
      const ext = path.extname(opts.output).toLowerCase();
      if (ext !== '.svg' && ext !== '.png') throw new CliError(`输出文件须以 .svg 或 .png 结尾：${opts.output}`, EXIT_USAGE);
      const laid = await layoutIssueDir(path.resolve(ctx.cwd, dir));
      const pages = laid.result.display.pages;
      const page = pages.find((p) => p.number === opts.page) ?? (/^\d+$/.test(opts.page) ? pages[Number(opts.page) - 1] : undefined);
      if (!page) throw new CliError(`没有这个版面：${opts.page}（本期共 ${pages.length} 个版面：${pages.map((p) => p.number).join('、')}）`, EXIT_USAGE);
      const out = path.resolve(ctx.cwd, opts.output);
      const svg = await pageSvg(laid.dir, page, laid.fonts, opts.width);
      if (ext === '.svg') await writeFile(out, svg);
      else await writeFile(out, svgToPng(svg, opts.width));
      ctx.stdout(`${out}\n`);
    });
}
