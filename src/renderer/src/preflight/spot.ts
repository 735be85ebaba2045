import { type DisplayPage } from '../../../core/display/types';

/** Where a finding is: the page (position in the issue) and the frame to light up, when known. */
export interface Spot {
  pageIndex: number | null;
  frameId: string | null;
  storyId: string | null;
}

/** The frame on `page` a story's text or an image sits in. */
function frameOf(page: DisplayPage, want: { storyId?: string; assetId?: string }): string | null {
  if (want.assetId) {
    const img = page.items.find((it) => it.kind === 'image' && it.assetId === want.assetId);
    if (img && img.kind === 'image') {
      const cx = img.x + img.w / 2;
      const cy = img.y + img.h / 2;
      // The innermost frame holding the picture: a box (边框) around a story holds its photo too.
      const around = page.frames.filter((f) => cx >= f.x && cx <= f.x + f.w && cy >= f.y && cy <= f.y + f.h);
      const box = around.sort((a, b) => a.w * a.h - b.w * b.h)[0];
      if (box) return box.frameId;
    }
  }
  if (want.storyId) return page.frames.find((f) => f.storyId === want.storyId)?.frameId ?? null;
  return null;
}

/** Finds a finding's spot from what it names: a 版次, a story, a photo. */
export function locate(pages: readonly DisplayPage[], want: { pageNumber?: string; storyId?: string; assetId?: string }): Spot {
  const storyId = want.storyId ?? null;
  let pageIndex = want.pageNumber !== undefined ? pages.findIndex((p) => p.number === want.pageNumber) : -1;
  if (pageIndex < 0 && (want.storyId || want.assetId)) pageIndex = pages.findIndex((p) => frameOf(p, want) !== null);
  if (pageIndex < 0) return { pageIndex: null, frameId: null, storyId };
  return { pageIndex, frameId: frameOf(pages[pageIndex]!, want), storyId };
}
