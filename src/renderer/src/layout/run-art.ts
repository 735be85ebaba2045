import { type DisplayItem, type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { svgItems } from '../../../core/render';
import { outlinesFor, type GlyphOutlines } from './glyph-outlines';
import { pageGroups, type PageGroup } from './page-groups';

// The SVG of one run of a page (page-groups.ts), made once per drawing: a run's key is the digest of its drawing, so
// the markup made for a key stays right for as long as the fonts do (and, for a run with a picture, its pictures).
// The desk makes the markup of the page it will show next while the window is idle (warmPageArt), so opening the
// layout desk only puts it in the DOM.

/** Clip-path ids of a run are unique in the document: they carry the page and the run's key. */
const runIdPrefix = (page: DisplayPage, group: PageGroup): string =>
  `c${page.pageId.replace(/[^A-Za-z0-9_-]/g, '_')}-${group.key.replace(/[^A-Za-z0-9_-]/g, '_')}-`;

/** A run's items as drawn from its origin: a run that only moved draws the same. */
function fromOrigin(group: PageGroup): readonly DisplayItem[] {
  const { originX: ox, originY: oy } = group;
  if (ox === 0 && oy === 0) return group.items;
  return group.items.map((it) => (it.kind === 'glyph' ? { ...it, x: it.x - ox, y: it.y - oy } : it));
}

function drawRun(page: DisplayPage, group: PageGroup, outlines: GlyphOutlines, pictures: ReadonlyMap<string, string>): string {
  const idPrefix = runIdPrefix(page, group);
  const clips: string[] = [];
  const body = svgItems(page, fromOrigin(group), {
    glyphRef: () => null,
    outline: (g) => outlines.get(page, g),
    clipRef: (rect) => {
      const id = `${idPrefix}${clips.length}`;
      clips.push(`<clipPath id="${id}">${rect}</clipPath>`);
      return id;
    },
    imageHref: (id) => pictures.get(id) ?? null,
  });
  return (clips.length > 0 ? `<defs>${clips.join('')}</defs>` : '') + body.join('');
}

/** Markup kept per font registry, oldest dropped first past this many runs (a few pages' worth). */
const KEPT_RUNS = 1500;
const made = new WeakMap<GlyphOutlines, Map<string, string>>();

/**
 * The run's markup (our own renderer's SVG over the display list: numbers, path data, escaped attributes). With `keep`
 * false it is drawn and not kept: a line of the story being written is drawn once per change and its element then only
 * moves, and keeping each typed line's markup held ~2 KB more a keystroke, up to the cache's size.
 */
export function runArt(page: DisplayPage, group: PageGroup, outlines: GlyphOutlines, pictures: ReadonlyMap<string, string>, keep = true): string {
  // A picture's screen copy arrives later than its run: those runs are made each time they are drawn.
  if (group.hasImage || !keep) return drawRun(page, group, outlines, pictures);
  let cache = made.get(outlines);
  if (!cache) {
    cache = new Map();
    made.set(outlines, cache);
  }
  const key = runIdPrefix(page, group);
  let html = cache.get(key);
  if (html === undefined) {
    html = drawRun(page, group, outlines, pictures);
    cache.set(key, html);
    if (cache.size > KEPT_RUNS) cache.delete(cache.keys().next().value!);
  } else {
    // Recently used: to the back of the queue.
    cache.delete(key);
    cache.set(key, html);
  }
  return html;
}

const NO_PICTURES: ReadonlyMap<string, string> = new Map();
const SLICE_MS = 6;

/**
 * Makes the markup of a page's runs in idle time, a slice at a time, so the page shows at once when asked for (the
 * layout desk's page while the writing desk is up). Returns a function that stops it.
 */
export function warmPageArt(page: DisplayPage, fonts: FontRegistry): () => void {
  const outlines = outlinesFor(fonts);
  let groups: PageGroup[] | null = null;
  let next = 0;
  let handle = 0;
  const step = (deadline: IdleDeadline) => {
    // Cutting the page into runs is idle work too: this starts after every keystroke's layout.
    groups ??= pageGroups(page).filter((g) => !g.hasImage);
    // Short slices, whatever the idle time offered: a click or a keystroke arriving meanwhile waits for at most one.
    const until = performance.now() + SLICE_MS;
    while (next < groups.length && deadline.timeRemaining() > 1 && performance.now() < until) runArt(page, groups[next++]!, outlines, NO_PICTURES);
    if (next < groups.length) handle = requestIdleCallback(step);
  };
  handle = requestIdleCallback(step);
  return () => cancelIdleCallback(handle);
}
