// Export for the printing plant: preflight each page, then write one PDF per page (`YYYYMMDD_<版次>.pdf` plus
// manifest.json) or one PDF for the issue. A page with a preflight error is held back unless forced; a forced
// export still reports the errors (the caller exits 1) and the manifest lists them.
import { mkdir, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';
import path from 'node:path';
import { type DisplayList, type DisplayPage } from '../../core/display/types';
import { type HouseSettings } from '../../core/model/house';
import {
  hasErrors,
  loadFace,
  preflightPage,
  writePdf,
  type Finding,
  type FontBytesLoader,
  type OversetStory,
  type PhotoMissing,
  type PdfxMode,
} from '../../core/pdf';
import { nodeFontLoader } from '../fonts/node-font-loader';
import { nodeFs, writeFileAtomic } from '../store';
import { prepareImages } from './export-images';
import { manifestFile, pdfxLabel, type Manifest, type ManifestFile } from './export-manifest';

export const PT_PER_MM = 72 / 25.4;

const deflateAsync = promisify(deflate);

/**
 * Node's zlib: synchronous for the small streams (content, ToUnicode; the thread hand-off would cost more),
 * on the thread pool for the big ones (the page's font programs compress side by side on another core).
 */
export const nodeDeflate = (data: Uint8Array): Uint8Array | Promise<Uint8Array> =>
  data.length < 64 * 1024 ? deflateSync(data) : deflateAsync(data);

export interface ExportInput {
  readonly display: DisplayList;
  /** The issue's assets/ folder (photos by content hash). */
  readonly assetsDir: string;
  /** Issue date, 'YYYY-MM-DD': names the per-page files. */
  readonly issueDate: string;
  /** The house printing condition (OutputIntent, image resolution limits, ink limit). */
  readonly output: HouseSettings['output'];
  /** Overset stories from layout's copyfit report. */
  readonly overset?: readonly OversetStory[];
  /** Picture frames without their photo, from the same report. */
  readonly photosMissing?: readonly PhotoMissing[];
  /** Photo names for messages (asset id → original file name). */
  readonly assetNames?: ReadonlyMap<string, string>;
}

export interface ExportSettings {
  /** Absolute path: a .pdf file (whole issue) or a folder (one PDF per page). */
  readonly output: string;
  readonly split: boolean;
  /** Page positions (0-based) to export; all when absent. */
  readonly pages?: readonly number[];
  readonly pdfx: PdfxMode;
  readonly bleedMm: number;
  readonly marks: boolean;
  readonly force: boolean;
  /** The plant's own CMYK ICC profile (OutputIntent and photo conversion). */
  readonly profilePath?: string;
  readonly profile?: Uint8Array;
  /** Time written into the files; now when absent. */
  readonly now?: Date;
  readonly onProgress?: (done: number, total: number, page: string) => void;
}

export interface ExportOutcome {
  readonly files: readonly ManifestFile[];
  /** 版次 of pages held back by preflight errors. */
  readonly held: readonly string[];
  readonly findings: readonly Finding[];
  readonly manifestPath: string;
  /** Any preflight error, written (forced) or held: the command exits 1. */
  readonly errors: boolean;
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** 20240308_A03.pdf */
export function pageFileName(issueDate: string, pageNumber: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issueDate);
  if (!m) throw new ExportError(`期刊日期格式不对：${issueDate}（应为 YYYY-MM-DD）`);
  const safe = pageNumber.replace(/[^0-9A-Za-z\u4e00-\u9fff-]/g, '_') || 'page';
  return `${m[1]}${m[2]}${m[3]}_${safe}.pdf`;
}

async function fontFacts(pages: readonly DisplayPage[], fonts: FontBytesLoader): Promise<{ fsType: Map<string, number>; errors: Map<string, string> }> {
  const files = new Set<string>();
  for (const p of pages) for (const it of p.items) if (it.kind === 'glyph') files.add(p.faces[it.face]?.file ?? '');
  files.delete('');
  const fsType = new Map<string, number>();
  const errors = new Map<string, string>();
  await Promise.all(
    [...files].map(async (file) => {
      try {
        fsType.set(file, (await loadFace(fonts, file)).fsType);
      } catch (e) {
        errors.set(file, (e as Error).message);
      }
    }),
  );
  return { fsType, errors };
}

export async function exportPdf(input: ExportInput, settings: ExportSettings, fonts: FontBytesLoader = nodeFontLoader): Promise<ExportOutcome> {
  const all = input.display.pages;
  const chosen = settings.pages ?? all.map((_, i) => i);
  for (const i of chosen) if (!all[i]) throw new ExportError(`没有第 ${i + 1} 个版面（本期共 ${all.length} 个版面）`);
  if (chosen.length === 0) throw new ExportError('没有选中任何版面');
  if (!(settings.bleedMm >= 0 && settings.bleedMm <= 20)) throw new ExportError(`出血须在 0–20 mm 之间：${settings.bleedMm}`);
  const pages = chosen.map((i) => all[i]!);
  const now = settings.now ?? new Date();

  // Preflight everything first: the desk sees every problem of the export at once.
  const assetIds = pages.flatMap((p) => p.items.flatMap((it) => (it.kind === 'image' ? [it.assetId] : [])));
  const [images, fontInfo] = await Promise.all([prepareImages(input.assetsDir, assetIds, input.output.tacLimit, settings.profilePath), fontFacts(pages, fonts)]);
  const limits = { minImagePpi: input.output.minImagePpi, errorImagePpi: input.output.errorImagePpi, tacLimit: input.output.tacLimit };
  const perPage = pages.map((page) =>
    preflightPage({
      page,
      pdfx: settings.pdfx,
      limits,
      images: images.facts,
      imageInk: images.maxInk,
      imageNames: input.assetNames,
      imageErrors: images.errors,
      converted: images.converted,
      fontFsType: fontInfo.fsType,
      fontErrors: fontInfo.errors,
      overset: input.overset,
      photosMissing: input.photosMissing,
    }),
  );
  const findings = perPage.flat();
  const blocked = pages.filter((_, i) => hasErrors(perPage[i]!));
  const writable = settings.force ? pages : pages.filter((p) => !blocked.includes(p));

  const base = {
    pdfx: settings.pdfx,
    bleed: settings.bleedMm * PT_PER_MM,
    marks: settings.marks,
    output: { ...input.output, profile: settings.profile },
    date: now,
  };
  const sources = {
    fonts,
    deflate: nodeDeflate,
    images: {
      load: (id: string): Promise<Uint8Array> => {
        const b = images.bytes.get(id);
        return b ? Promise.resolve(b) : Promise.reject(new ExportError(`图片 ${id} ${images.errors.get(id) ?? '无法读取'}`));
      },
    },
  };

  const files: ManifestFile[] = [];
  let manifestPath: string;
  if (settings.split) {
    await mkdir(settings.output, { recursive: true });
    let done = 0;
    for (const [i, page] of pages.entries()) {
      if (!writable.includes(page)) {
        // A file left from an earlier export of this page would reach the plant as if it were current.
        await rm(path.join(settings.output, pageFileName(input.issueDate, page.number)), { force: true });
        settings.onProgress?.(++done, pages.length, page.number);
        continue;
      }
      const bytes = await writePdf([page], { ...base, title: `${input.display.issueTitle} 第${page.number}版`, subject: input.display.issueTitle }, sources);
      const name = pageFileName(input.issueDate, page.number);
      await writeFileAtomic(nodeFs, path.join(settings.output, name), bytes);
      files.push(manifestFile(name, [page.number], bytes, perPage[i]!));
      settings.onProgress?.(++done, pages.length, page.number);
    }
    manifestPath = path.join(settings.output, 'manifest.json');
  } else {
    await mkdir(path.dirname(settings.output), { recursive: true });
    // One file is the whole issue: with a page held back it would be an incomplete issue, so none is written.
    if (writable.length === pages.length) {
      const bytes = await writePdf(pages, { ...base, title: input.display.issueTitle, subject: pages.map((p) => p.number).join(' ') }, sources);
      await writeFileAtomic(nodeFs, settings.output, bytes);
      files.push(manifestFile(path.basename(settings.output), pages.map((p) => p.number), bytes, findings));
    }
    settings.onProgress?.(pages.length, pages.length, pages.at(-1)!.number);
    manifestPath = settings.output.replace(/\.pdf$/i, '') + '.manifest.json';
  }

  const held = settings.force ? [] : blocked.map((p) => p.number);
  const manifest: Manifest = {
    generator: 'yeban',
    issue: input.display.issueTitle,
    date: input.issueDate,
    pdfx: pdfxLabel(settings.pdfx),
    bleedMm: settings.bleedMm,
    marks: settings.marks,
    createdAt: now.toISOString(),
    files,
    held: held.map((n) => ({ page: n, findings: perPage[pages.findIndex((p) => p.number === n)]! })),
  };
  await writeFileAtomic(nodeFs, manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { files, held, findings, manifestPath, errors: hasErrors(findings) };
}
