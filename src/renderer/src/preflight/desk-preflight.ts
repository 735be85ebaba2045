import { type DisplayPage } from '../../../core/display/types';
import { type LayoutReport } from '../../../core/layout';
import { type IssueMeta, type Story } from '../../../core/model';
import { locate, type Spot } from './spot';

// The desk's own preflight, from the layout it already has (no export needed): characters no font can draw,
// overset stories, photos too coarse for their placed size, and picture frames whose photo is missing. The
// export repeats the full print preflight (fonts, colour, ink) on the saved files.

export type DeskFindingCode = 'missing-glyph' | 'overset' | 'image-low-res' | 'image-missing' | 'frame-problem';

export interface DeskFinding {
  severity: 'error' | 'warning';
  code: DeskFindingCode;
  /** Chinese, for the panel: what is wrong and where. */
  message: string;
  spot: Spot;
}

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function deskPreflight(meta: IssueMeta, stories: ReadonlyMap<string, Story>, report: LayoutReport, pages: readonly DisplayPage[]): DeskFinding[] {
  const out: DeskFinding[] = [];
  const slug = (id: string): string => stories.get(id)?.slug ?? id;

  // Missing glyphs, where the page shows them (〓), once per page, story and character.
  const seen = new Set<string>();
  pages.forEach((page, pageIndex) => {
    for (const it of page.items) {
      if (it.kind !== 'glyph' || !it.missing) continue;
      const storyId = it.src?.storyId ?? '';
      const key = `${pageIndex}\u0000${storyId}\u0000${it.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const frame = page.frames.find((f) => it.x >= f.x && it.x <= f.x + f.w && it.y >= f.y && it.y <= f.y + f.h + it.size);
      out.push({
        severity: 'error', code: 'missing-glyph',
        message: `第 ${page.number} 版${storyId ? `「${slug(storyId)}」` : ''}：字符「${it.text}」（${codePoint(it.text)}）没有字体能排出，以〓代替`,
        spot: { pageIndex, frameId: frame?.frameId ?? null, storyId: storyId || null },
      });
    }
  });

  for (const fit of report.stories) {
    if (fit.oversetChars <= 0 && fit.oversetLines <= 0) continue;
    const spot = locate(pages, { storyId: fit.storyId });
    // The text runs out of its last frame: that is the one to enlarge or thread on.
    const last = fit.frames.at(-1)?.frameId ?? spot.frameId;
    const where = spot.pageIndex !== null ? `第 ${pages[spot.pageIndex]!.number} 版` : '';
    out.push({
      severity: 'error', code: 'overset',
      message: `${where}「${fit.slug}」超版 ${fit.oversetChars} 字（${fit.oversetLines} 行）`,
      spot: { ...spot, frameId: last },
    });
  }

  const assets = new Map(meta.assets.map((a) => [a.id, a]));
  const { minImagePpi, errorImagePpi } = meta.house.output;
  pages.forEach((page, pageIndex) => {
    const done = new Set<string>();
    for (const it of page.items) {
      if (it.kind !== 'image' || done.has(it.assetId)) continue;
      done.add(it.assetId);
      const asset = assets.get(it.assetId);
      const spot = locate([page], { assetId: it.assetId, storyId: it.src?.storyId });
      const name = asset?.originalName || it.assetId;
      // An image not in the library is reported once, below, with its picture frame.
      if (!asset) continue;
      const ppi = Math.min(asset.widthPx / (it.w / 72), asset.heightPx / (it.h / 72));
      if (ppi >= minImagePpi) continue;
      const error = ppi < errorImagePpi;
      out.push({
        severity: error ? 'error' : 'warning', code: 'image-low-res',
        message: `第 ${page.number} 版：图片「${name}」在版面尺寸下只有 ${Math.round(ppi)} ppi，低于${error ? '' : '建议的'} ${error ? errorImagePpi : minImagePpi} ppi`,
        spot: { ...spot, pageIndex },
      });
    }
  });

  // Picture frames layout drew empty (an import makes them from a caption or credit before the photo arrives).
  for (const fit of report.stories) {
    for (const m of fit.photosMissing) {
      const pageIndex = pages.findIndex((p) => p.pageId === m.pageId);
      const why = m.reason === 'no-photo' ? `稿件没有第 ${m.photoIndex + 1} 张图片` : m.reason === 'no-asset' ? '还没有图片' : '图片文件不在本期的图片库中';
      out.push({
        severity: 'error', code: 'image-missing',
        message: `第 ${m.pageNumber} 版「${fit.slug}」的图片框 ${m.frameId}：${why}`,
        spot: { pageIndex: pageIndex >= 0 ? pageIndex : null, frameId: m.frameId, storyId: fit.storyId },
      });
    }
  }

  report.pages.forEach((p) => {
    const pageIndex = pages.findIndex((d) => d.pageId === p.pageId);
    for (const problem of p.problems) {
      out.push({ severity: 'warning', code: 'frame-problem', message: `第 ${p.number} 版：${problem}`, spot: { pageIndex: pageIndex >= 0 ? pageIndex : null, frameId: null, storyId: null } });
    }
  });
  return out;
}
