import type { DisplayItem, DisplayPage, FaceInfo, GlyphItem, ImageItem, RectItem, RuleItem } from '../display/types';
import { cmykToHex } from './color';
import { PLACED_UNITS_PER_PT, placeGlyph, turnedOutline, type Outline } from './outline';

/** Glyph outlines from the same font bytes the PDF embeds. */
export interface GlyphOutlines {
  /** SVG path data of glyph `gid` in font units, y up (fontkit's `glyph.path.toSVG()`); '' for a blank glyph. */
  outline(face: FaceInfo, gid: number): string;
}

export interface SvgOptions {
  readonly outlines: GlyphOutlines;
  /** href for an image asset (data: URL or app URL); null draws the "picture missing" panel. */
  readonly imageHref?: (assetId: string) => string | null;
  /** Outline every frame box (the layout view's guides); off for proofs and thumbnails. */
  readonly frameGuides?: boolean;
  /** Output size in CSS px for the page width; default: 1 pt = 1 px. */
  readonly pixelWidth?: number;
}

const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Scale factors are small (size / unitsPerEm ≈ 0.009): keep six significant digits, not three decimals. */
const fmtScale = (n: number): string => String(Number(n.toPrecision(6)));

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What drawing a run of items needs from its caller: where glyph outlines and clip paths are defined. */
export interface SvgItemContext {
  /** The id of the `<path>` drawing glyph `g` (defined by the caller), or null for a blank glyph. */
  glyphRef(g: GlyphItem): string | null;
  /** Defines a `<clipPath>` around `rect` (a `<rect …/>`) and returns its id. */
  clipRef(rect: string): string;
  /** href for an image asset (data: URL or app URL); null draws the "picture missing" panel. */
  readonly imageHref?: (assetId: string) => string | null;
  /**
   * When given, glyphs are drawn from these outlines, placed on the page: each stretch of same-coloured glyphs is one
   * `<path>` (glyphRef is not used). Null for a blank glyph.
   */
  readonly outline?: (g: GlyphItem) => Outline | null;
}

/**
 * Items of a page as SVG elements, one per line, in drawing order: a `<use>` per glyph, `<line>`, `<rect>`,
 * `<image>`. The page view draws a page as several such runs, so one story's edit redraws only its run.
 */
export function svgItems(page: DisplayPage, items: readonly DisplayItem[], ctx: SvgItemContext): string[] {
  const body: string[] = [];
  let run = '';
  let runFill = '';
  const endRun = (): void => {
    if (run !== '') body.push(`<path d="${run}" fill="${runFill}" transform="scale(${1 / PLACED_UNITS_PER_PT})"/>`);
    run = '';
  };

  const glyph = (g: GlyphItem): void => {
    if (ctx.outline) {
      const o = ctx.outline(g);
      if (o === null) return;
      const fill = cmykToHex(g.color);
      if (fill !== runFill) endRun();
      runFill = fill;
      const s = g.size / page.faces[g.face]!.unitsPerEm;
      // Turned: font x runs down the page, font y (up) to the right.
      run += g.rotate === 90 ? placeGlyph(turnedOutline(o), s * (g.scaleY ?? 1), s * g.scaleX, g.x, g.y) : placeGlyph(o, s * g.scaleX, -s * (g.scaleY ?? 1), g.x, g.y);
      return;
    }
    const id = ctx.glyphRef(g);
    if (id === null) return;
    const face = page.faces[g.face]!;
    const s = g.size / face.unitsPerEm;
    const a = s * g.scaleX;
    const d = -s * (g.scaleY ?? 1);
    // Turned 90° clockwise about (x, y): the advance runs down the page, the glyph's top faces right.
    const m = g.rotate === 90 ? `0 ${fmtScale(a)} ${fmtScale(-d)} 0` : `${fmtScale(a)} 0 0 ${fmtScale(d)}`;
    body.push(`<use href="#${id}" transform="matrix(${m} ${fmt(g.x)} ${fmt(g.y)})" fill="${cmykToHex(g.color)}"/>`);
  };

  const rule = (r: RuleItem): void => {
    const dash = r.style === 'dotted' ? ` stroke-dasharray="${fmt(r.width)} ${fmt(r.width * 2)}"` : r.style === 'dashed' ? ` stroke-dasharray="${fmt(r.width * 4)} ${fmt(r.width * 2)}"` : '';
    body.push(`<line x1="${fmt(r.x1)}" y1="${fmt(r.y1)}" x2="${fmt(r.x2)}" y2="${fmt(r.y2)}" stroke="${cmykToHex(r.color)}" stroke-width="${fmt(r.width)}"${dash}/>`);
  };

  const rect = (r: RectItem): void => {
    const fill = r.fill ? `fill="${cmykToHex(r.fill)}"` : 'fill="none"';
    const stroke = r.stroke ? ` stroke="${cmykToHex(r.stroke.color)}" stroke-width="${fmt(r.stroke.width)}"` : '';
    body.push(`<rect x="${fmt(r.x)}" y="${fmt(r.y)}" width="${fmt(r.w)}" height="${fmt(r.h)}" ${fill}${stroke}/>`);
  };

  const image = (im: ImageItem): void => {
    const href = ctx.imageHref?.(im.assetId) ?? null;
    const box = im.clip ?? im;
    if (href === null) {
      // The picture is not there (awaited, or its file is missing): show where it goes, unmistakably.
      body.push(`<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.w)}" height="${fmt(box.h)}" fill="#e6e6e6" stroke="#999" stroke-width="0.5"/>`);
      body.push(`<path d="M${fmt(box.x)} ${fmt(box.y)}L${fmt(box.x + box.w)} ${fmt(box.y + box.h)}M${fmt(box.x + box.w)} ${fmt(box.y)}L${fmt(box.x)} ${fmt(box.y + box.h)}" stroke="#999" stroke-width="0.5"/>`);
      return;
    }
    const clip = im.clip ? ` clip-path="url(#${ctx.clipRef(`<rect x="${fmt(im.clip.x)}" y="${fmt(im.clip.y)}" width="${fmt(im.clip.w)}" height="${fmt(im.clip.h)}"/>`)})"` : '';
    body.push(`<image href="${escapeAttr(href)}" x="${fmt(im.x)}" y="${fmt(im.y)}" width="${fmt(im.w)}" height="${fmt(im.h)}" preserveAspectRatio="none"${clip}/>`);
  };

  for (const item of items) {
    if (item.kind !== 'glyph') endRun();
    switch (item.kind) {
      case 'glyph': glyph(item); break;
      case 'rule': rule(item); break;
      case 'rect': rect(item); break;
      case 'image': image(item); break;
    }
  }
  endRun();
  return body;
}

/** The frame guides of the layout view: a thin blue outline per frame box, named by frame id. */
export function svgFrameGuides(page: DisplayPage): string[] {
  return page.frames.map((f) => `<rect x="${fmt(f.x)}" y="${fmt(f.y)}" width="${fmt(f.w)}" height="${fmt(f.h)}" fill="none" stroke="#3b82f6" stroke-width="0.3" data-frame="${escapeAttr(f.frameId)}"/>`);
}

/**
 * A page of the display list as SVG: every glyph is a `<use>` of a `<path>` defined once per face and glyph id,
 * scaled from font units to the glyph's size (and 长体/扁体 scale). No `<text>`: what the screen shows is drawn
 * from the glyph outlines the PDF embeds, so no system font can stand in unseen.
 */
export function renderSvg(page: DisplayPage, opts: SvgOptions): string {
  const faceIds = new Map<string, number>();
  const defined = new Map<string, boolean>();
  const defs: string[] = [];
  let clipCount = 0;

  const glyphRef = (g: GlyphItem): string | null => {
    const face = page.faces[g.face];
    if (!face) throw new Error(`display list: page ${page.number} uses face "${g.face}" missing from its faces table`);
    let fi = faceIds.get(g.face);
    if (fi === undefined) {
      fi = faceIds.size;
      faceIds.set(g.face, fi);
    }
    const id = `g${fi}-${g.gid}`;
    let drawn = defined.get(id);
    if (drawn === undefined) {
      const d = opts.outlines.outline(face, g.gid);
      drawn = d !== '';
      defined.set(id, drawn);
      if (drawn) defs.push(`<path id="${id}" d="${d}"/>`);
    }
    return drawn ? id : null;
  };
  const clipRef = (rect: string): string => {
    const id = `c${clipCount++}`;
    defs.push(`<clipPath id="${id}">${rect}</clipPath>`);
    return id;
  };

  const body = svgItems(page, page.items, { glyphRef, clipRef, ...(opts.imageHref ? { imageHref: opts.imageHref } : {}) });
  if (opts.frameGuides) body.push(...svgFrameGuides(page));
  const pxW = opts.pixelWidth ?? page.width;
  const pxH = (pxW * page.height) / page.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(pxW)}" height="${fmt(pxH)}" viewBox="0 0 ${fmt(page.width)} ${fmt(page.height)}">`,
    `<defs>${defs.join('')}</defs>`,
    `<rect width="${fmt(page.width)}" height="${fmt(page.height)}" fill="#fff"/>`,
    body.join('\n'),
    '</svg>',
  ].join('\n');
}
