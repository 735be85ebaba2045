// Preflight: what would make a page wrong on the plate, found before the PDF is written. Errors stop the page
// (unless forced); warnings travel with it in the manifest. Works on the display list and the facts of the
// files that will be embedded, so it judges exactly what the PDF will carry.
import { type DisplayPage } from '../display/types';
import { type PhotoGap } from '../layout/report';
import { type ImageFacts } from './images';
import { embeddingRefusal } from './sfnt';
import { type PdfxMode } from './write-pdf';

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'missing-glyph'
  | 'overset'
  | 'image-low-res'
  | 'image-rgb'
  | 'image-alpha'
  | 'image-converted'
  | 'image-unreadable'
  | 'image-missing'
  | 'font-not-embeddable'
  | 'font-unreadable'
  | 'ink-limit';

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** 版次 of the page, e.g. 'A03'. */
  readonly page: string;
  /** Chinese, for the desk: what is wrong and where. */
  readonly message: string;
  readonly storyId?: string;
  readonly assetId?: string;
  readonly file?: string;
}

/** A story whose text did not all fit (from layout's copyfit report). */
export interface OversetStory {
  readonly storyId: string;
  readonly slug: string;
  readonly oversetChars: number;
  readonly oversetLines: number;
  /** Pages the story has frames on: the finding is reported on each. */
  readonly pageIds: readonly string[];
}

/** A picture frame drawn empty because its photo is not in the issue (from layout's report). */
export type PhotoMissing = PhotoGap & {
  readonly storyId: string;
  readonly slug: string;
  readonly photoIndex: number;
  readonly pageId: string;
};

export interface PreflightLimits {
  /** Below this effective resolution at placed size: warning. */
  readonly minImagePpi: number;
  /** Below this: error. */
  readonly errorImagePpi: number;
  /** Total area coverage limit for vector fills, percent. */
  readonly tacLimit: number;
}

export interface PreflightInput {
  readonly page: DisplayPage;
  readonly pdfx: PdfxMode;
  readonly limits: PreflightLimits;
  /** Facts of each image file as it will be embedded; a missing entry means the file could not be read. */
  readonly images: ReadonlyMap<string, ImageFacts>;
  /** Why an image could not be read, by asset id. */
  readonly imageErrors?: ReadonlyMap<string, string>;
  /** What the desk calls each photo (its original file name); the asset id when absent. */
  readonly imageNames?: ReadonlyMap<string, string>;
  /** Highest total ink of each CMYK photo, percent. */
  readonly imageInk?: ReadonlyMap<string, number>;
  /** Images the export converted (RGB → CMYK, PNG → JPEG), with what was done. */
  readonly converted?: ReadonlyMap<string, string>;
  /** OS/2 fsType of each font file (FaceInfo.file); a missing entry means the font could not be read. */
  readonly fontFsType: ReadonlyMap<string, number>;
  readonly fontErrors?: ReadonlyMap<string, string>;
  readonly overset?: readonly OversetStory[];
  readonly photosMissing?: readonly PhotoMissing[];
}

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function preflightPage(input: PreflightInput): Finding[] {
  const { page, limits } = input;
  const at = page.number;
  const out: Finding[] = [];

  // Characters no font can draw, once per character and story.
  const missing = new Map<string, { ch: string; storyId: string; count: number }>();
  const files = new Set<string>();
  const tacFills = new Set<string>();
  for (const item of page.items) {
    if (item.kind === 'glyph') {
      const face = page.faces[item.face];
      if (face) files.add(face.file);
      if (item.missing) {
        const storyId = item.src?.storyId ?? '';
        const key = `${storyId}\u0000${item.text}`;
        const m = missing.get(key);
        if (m) m.count++;
        else missing.set(key, { ch: item.text, storyId, count: 1 });
      }
    }
    const colors = item.kind === 'rect' ? [item.fill, item.stroke?.color] : item.kind === 'glyph' || item.kind === 'rule' ? [item.color] : [];
    for (const c of colors) {
      if (!c) continue;
      const tac = (c.c + c.m + c.y + c.k) * 100;
      if (tac > limits.tacLimit + 1e-9) tacFills.add(`${Math.round(tac)}%（C${Math.round(c.c * 100)} M${Math.round(c.m * 100)} Y${Math.round(c.y * 100)} K${Math.round(c.k * 100)}）`);
    }
  }
  for (const m of missing.values()) {
    out.push({
      severity: 'error',
      code: 'missing-glyph',
      page: at,
      storyId: m.storyId || undefined,
      message: `第 ${at} 版：字符「${m.ch}」（${codePoint(m.ch)}）没有字体能排出，以〓代替${m.count > 1 ? `（${m.count} 处）` : ''}`,
    });
  }
  for (const t of tacFills) {
    out.push({ severity: 'error', code: 'ink-limit', page: at, message: `第 ${at} 版：颜色总墨量 ${t} 超过印厂上限 ${limits.tacLimit}%` });
  }

  for (const file of files) {
    const fsType = input.fontFsType.get(file);
    if (fsType === undefined) {
      const why = input.fontErrors?.get(file) ?? '无法读取';
      out.push({ severity: 'error', code: 'font-unreadable', page: at, file, message: `第 ${at} 版：字体 ${file} ${why}` });
      continue;
    }
    const refusal = embeddingRefusal(fsType);
    if (refusal) {
      out.push({ severity: 'error', code: 'font-not-embeddable', page: at, file, message: `第 ${at} 版：字体 ${file} 不允许嵌入 PDF：${refusal}` });
    }
  }

  const seen = new Set<string>();
  for (const item of page.items) {
    if (item.kind !== 'image' || seen.has(item.assetId)) continue;
    seen.add(item.assetId);
    const id = item.assetId;
    const name = input.imageNames?.get(id) || id;
    const facts = input.images.get(id);
    if (!facts) {
      const why = input.imageErrors?.get(id) ?? '文件无法读取';
      out.push({ severity: 'error', code: 'image-unreadable', page: at, assetId: id, message: `第 ${at} 版：图片「${name}」${why}` });
      continue;
    }
    const conv = input.converted?.get(id);
    if (conv) out.push({ severity: 'info', code: 'image-converted', page: at, assetId: id, message: `第 ${at} 版：图片「${name}」${conv}` });
    // Effective resolution at the placed size: pixels over inches on the plate, the worse direction counts.
    const ppi = Math.min(facts.widthPx / (item.w / 72), facts.heightPx / (item.h / 72));
    const shown = Math.round(ppi);
    if (ppi < limits.errorImagePpi) {
      out.push({
        severity: 'error', code: 'image-low-res', page: at, assetId: id,
        message: `第 ${at} 版：图片「${name}」在版面尺寸下只有 ${shown} ppi，低于 ${limits.errorImagePpi} ppi，印出来会发虚`,
      });
    } else if (ppi < limits.minImagePpi) {
      out.push({
        severity: 'warning', code: 'image-low-res', page: at, assetId: id,
        message: `第 ${at} 版：图片「${name}」在版面尺寸下为 ${shown} ppi，低于建议的 ${limits.minImagePpi} ppi`,
      });
    }
    const ink = input.imageInk?.get(id);
    if (ink !== undefined && ink > limits.tacLimit) {
      // A warning, not an error: the plant's RIP may re-separate, but the desk should know before it does.
      out.push({
        severity: 'warning', code: 'ink-limit', page: at, assetId: id,
        message: `第 ${at} 版：图片「${name}」最大总墨量 ${ink}%，超过印厂上限 ${limits.tacLimit}%（请按印厂特性文件重新分色）`,
      });
    }
    if (input.pdfx === '1a' && facts.color === 'rgb') {
      out.push({ severity: 'error', code: 'image-rgb', page: at, assetId: id, message: `第 ${at} 版：图片「${name}」是 RGB，PDF/X-1a 只允许 CMYK 或灰度` });
    }
    if (input.pdfx === '1a' && facts.alpha) {
      out.push({ severity: 'error', code: 'image-alpha', page: at, assetId: id, message: `第 ${at} 版：图片「${name}」带透明通道，PDF/X-1a 不允许透明` });
    }
  }

  for (const s of input.overset ?? []) {
    if (s.oversetChars <= 0 && s.oversetLines <= 0) continue;
    if (!s.pageIds.includes(page.pageId)) continue;
    out.push({
      severity: 'error', code: 'overset', page: at, storyId: s.storyId,
      message: `第 ${at} 版：稿件「${s.slug}」超版 ${s.oversetChars} 字（${s.oversetLines} 行）`,
    });
  }
  // A page must not reach the plate with a hole where a photo belongs.
  for (const m of input.photosMissing ?? []) {
    if (m.pageId !== page.pageId) continue;
    const photo = `第 ${m.photoIndex + 1} 张图片`;
    const what = m.reason === 'no-photo' ? `没有${photo}，图片框是空的`
      : m.reason === 'no-asset' ? `的${photo}尚未到稿`
      : `的${photo}的文件「${input.imageNames?.get(m.assetId) || m.assetId}」不在本期图片库中`;
    out.push({
      severity: 'error', code: 'image-missing', page: at, storyId: m.storyId, ...(m.reason === 'asset-not-in-issue' ? { assetId: m.assetId } : {}),
      message: `第 ${at} 版：稿件「${m.slug}」${what}`,
    });
  }
  return out;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
