import type { DisplayItem, ImageItem } from '../display/types';
import type { Asset, ImageFrame, Story } from '../model';
import { blockRect } from './block';
import { lineBaseline, type PageGrid } from './grid';
import { placeLine } from './place';
import type { Rect } from './grid';
import type { SetLine, Typesetter } from './typesetter';

/** Where the picture goes inside its frame: covering it (cropped by a clip) or fitting inside it, centred. */
export function pictureRect(area: Rect, asset: Pick<Asset, 'widthPx' | 'heightPx'> | undefined, fit: 'fill' | 'fit'): { draw: Rect; clip?: Rect } {
  if (!asset) return { draw: area };
  const ratio = asset.widthPx / asset.heightPx;
  const areaRatio = area.w / area.h;
  if (Math.abs(ratio - areaRatio) < 1e-3) return { draw: area };
  const cover = fit === 'fill';
  // Cover: the side that would fall short sets the scale; fit: the side that would overflow does.
  const byWidth = cover ? ratio < areaRatio : ratio > areaRatio;
  const w = byWidth ? area.w : area.h * ratio;
  const h = byWidth ? area.w / ratio : area.h;
  const draw = { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
  return cover ? { draw, clip: area } : { draw };
}

const PLACEHOLDER_INK = { c: 0, m: 0, y: 0, k: 0.4 };

/**
 * The trade's empty picture frame (a box with its diagonals) where the photo has not arrived: the desk sees
 * the hole on screen, and a page forced to the plate without the photo shows it too instead of white.
 */
function emptyPictureFrame(area: Rect): DisplayItem[] {
  const rule = (x1: number, y1: number, x2: number, y2: number): DisplayItem => ({ kind: 'rule', x1, y1, x2, y2, width: 0.5, style: 'solid', color: PLACEHOLDER_INK });
  const { x, y, w, h } = area;
  return [{ kind: 'rect', x, y, w, h, stroke: { width: 0.5, color: PLACEHOLDER_INK } }, rule(x, y, x + w, y + h), rule(x + w, y, x, y + h)];
}

/**
 * An image frame: the picture over its top lines, the caption (楷体, justified) and the credit
 * (`■通讯员\u3000万众\u3000摄`, flush right: on the caption's last line when it fits there, else on a line of its own)
 * in the frame's last `captionLines` lines, each on a body baseline.
 */
export function imageBlock(grid: PageGrid, frame: ImageFrame, story: Story, assets: ReadonlyMap<string, Asset>, ts: Typesetter, insetChars: number): { items: DisplayItem[]; problems: string[] } {
  const problems: string[] = [];
  const items: DisplayItem[] = [];
  const photo = story.photos[frame.photoIndex];
  const pictureLines = Math.max(1, frame.lines - frame.captionLines);
  const area = blockRect(grid, { col: frame.col, span: frame.span, line: frame.line, lines: pictureLines }, insetChars);
  if (!photo) {
    problems.push(`稿件“${story.slug}”没有第${frame.photoIndex + 1}张图片`);
    items.push(...emptyPictureFrame(area));
    return { items, problems };
  }
  const asset = photo.assetId ? assets.get(photo.assetId) : undefined;
  if (!photo.assetId) problems.push(`稿件“${story.slug}”的图片尚未到稿`);
  else if (!asset) problems.push(`图片文件 ${photo.assetId} 不在本期资源中`);
  if (asset) {
    const { draw, clip } = pictureRect(area, asset, frame.fit);
    const image: ImageItem = {
      kind: 'image', assetId: asset.id, ...draw,
      src: { storyId: story.id, field: 'caption', index: frame.photoIndex, offset: 0, length: 0 },
      ...(clip ? { clip } : {}),
    };
    items.push(image);
  } else {
    items.push(...emptyPictureFrame(area));
  }

  const width = area.w;
  const x = area.x;
  const captionLines: SetLine[] = photo.caption ? [...ts.setText(photo.caption, 'caption', width)] : [];
  const credit: SetLine | undefined = photo.credit ? ts.setText(photo.credit, 'caption', width, { align: 'end', charStyle: 'credit', noBreak: true })[0] : undefined;
  const last = captionLines[captionLines.length - 1];
  // The credit shares the caption's last line when a character's space is left between them.
  const creditOnLast = !!credit && !!last && last.width + grid.em <= (credit.glyphs[0]?.x ?? 0) + 1e-6;
  const rows = captionLines.length + (credit && !creditOnLast ? 1 : 0);
  if (rows > frame.captionLines) problems.push(`图片说明需要${rows}行，图片框只留了${frame.captionLines}行`);
  let k = frame.line + pictureLines;
  const end = frame.line + frame.lines;
  for (const line of captionLines) {
    if (k >= end) break;
    items.push(...placeLine(line, x, lineBaseline(grid, k), { storyId: story.id, field: 'caption', index: frame.photoIndex }));
    k += 1;
  }
  if (credit) {
    if (creditOnLast) k -= 1;
    if (k < end) items.push(...placeLine(credit, x, lineBaseline(grid, k), { storyId: story.id, field: 'credit', index: frame.photoIndex }));
  }
  return { items, problems };
}
