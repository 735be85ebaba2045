import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type DisplayItem, type DisplayPage, type FrameBox } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { pageCommitted, watchKeystrokes } from './desk-timing';
import { outlinesFor, type GlyphOutlines } from './glyph-outlines';
import { inkBox, pageGroups, type PageGroup } from './page-groups';
import { runArt } from './run-art';
import { useInnerHtml } from './use-inner-html';

const NO_ITEMS: readonly DisplayItem[] = [];

interface GroupProps {
  page: DisplayPage;
  group: PageGroup;
  outlines: GlyphOutlines;
  pictures: ReadonlyMap<string, string>;
  /** A run of the story being written: a compositor layer of its own, rastered alone and moved without a repaint. */
  layered: boolean;
}

/**
 * One run of the page's items, as its own `<svg>` over the others, as big as the run's ink (page-groups.ts): Chromium
 * repaints only the SVG roots that changed and replays the rest from its paint cache. Glyphs are their outlines placed
 * on the page, one `<path>` per stretch of same-coloured glyphs (no `<text>`, no system font). Its drawing is made
 * once per key (the key is the digest of the drawing, page-groups.ts) and again only when its pictures arrive; a run
 * that moved only moves.
 * Software raster redraws a whole tile for any change in it, so a line of the story being written that changed or
 * moved on a layer shared with the rest of the page cost the redraw of every glyph around it. A layer is damaged
 * whole when it is made or dropped, and the compositor then draws every layer under the damage again: at the size of
 * the page, each keystroke's new line redrew the whole page view in the compositor (4.6 ms a frame on software
 * compositing; 1.3 with layers as big as their lines).
 */
const GroupSvg = memo(
  function GroupSvg({ page, group, outlines, pictures, layered }: GroupProps) {
    // The key holds the digest: within one key, only the fonts and the pictures can change the drawing.
    const html = useInnerHtml(useMemo(() => runArt(page, group, outlines, pictures, !layered), [outlines, group.hasImage ? pictures : null]));
    // A layer stays where the run stood when first drawn and is moved from there by the compositor; any other run's
    // element is placed where the run stands.
    const drawnAt = useRef({ x: group.originX, y: group.originY }).current;
    const at = layered ? drawnAt : { x: group.originX, y: group.originY };
    const dx = group.originX - at.x;
    const dy = group.originY - at.y;
    // Made once: every run of one key draws the same, from its origin.
    const [box] = useState(() => inkBox(group));
    // Our own renderer's SVG over the display list: numbers, path data and escaped attribute values, no script.
    return (
      <svg
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        data-owner={group.owner}
        className={layered ? 'page-run page-run-layer' : 'page-run'}
        style={{
          left: `${((at.x + box.x) / page.width) * 100}%`,
          top: `${((at.y + box.y) / page.height) * 100}%`,
          width: `${(box.w / page.width) * 100}%`,
          height: `${(box.h / page.height) * 100}%`,
          // A translation in percent is of the element's own size.
          transform: dx !== 0 || dy !== 0 ? `translate(${(dx / box.w) * 100}%, ${(dy / box.h) * 100}%)` : undefined,
        }}
      >
        <g dangerouslySetInnerHTML={html} />
      </svg>
    );
  },
  // Face keys and their metrics are fixed for the life of a font registry, and so of `outlines`.
  (a, b) =>
    a.layered === b.layered &&
    a.group.hash === b.group.hash && a.group.originX === b.group.originX && a.group.originY === b.group.originY && a.outlines === b.outlines && a.page.pageId === b.page.pageId && (!a.group.hasImage || a.pictures === b.pictures),
);

const sameFrames = (a: readonly FrameBox[], b: readonly FrameBox[]): boolean =>
  a === b ||
  (a.length === b.length &&
    a.every((f, i) => {
      const g = b[i]!;
      return f.frameId === g.frameId && f.storyId === g.storyId && f.x === g.x && f.y === g.y && f.w === g.w && f.h === g.h;
    }));

/**
 * The frames' outlines over the page, as React elements: a frame whose box changed (its story grew) updates its own
 * attributes only, and a keystroke that moved no frame (a new page object with the same frames) draws none of them.
 */
const FrameGuides = memo(
  function FrameGuides({ viewBox, frames }: { viewBox: string; frames: readonly FrameBox[] }) {
    return (
      <svg viewBox={viewBox} data-guides="">
        {frames.map((f) => (
          <rect key={f.frameId} x={f.x} y={f.y} width={f.w} height={f.h} fill="none" stroke="#3b82f6" strokeWidth={0.3} data-frame={f.frameId} data-story={f.storyId ?? ''} />
        ))}
      </svg>
    );
  },
  (a, b) => a.viewBox === b.viewBox && sameFrames(a.frames, b.frames),
);

/**
 * A display page as stacked inline SVGs, one per run of a story (page-groups.ts): when a keystroke changes one story,
 * React redraws the runs that changed and leaves every other run's DOM (and Chromium its paint) as it was. Each
 * redraw closes a pending keystroke measure (desk-timing.ts).
 */
export function PageSvg({ page, fonts, pictures, frameGuides, writing = null }: {
  page: DisplayPage;
  fonts: FontRegistry;
  pictures: ReadonlyMap<string, string>;
  frameGuides: boolean;
  /** The story being written beside this page: drawn a run per line (pageGroups). */
  writing?: string | null;
}) {
  const outlines = outlinesFor(fonts);
  const groups = useMemo(() => pageGroups(page, writing), [page, writing]);
  // What a run's element keeps of the page: its size and faces, not its items. A run drawn at one keystroke and only
  // moved or left alone since keeps the props it was drawn with; holding the whole page, each such element kept that
  // keystroke's display list (every glyph of the story typed into) alive: ~18 KB more heap a keystroke, measured.
  const sheet = useMemo((): DisplayPage => ({ ...page, items: NO_ITEMS }), [page]);

  useEffect(watchKeystrokes, []);
  useLayoutEffect(pageCommitted, [page]);

  const viewBox = `0 0 ${page.width} ${page.height}`;
  return (
    <div className="page-art" data-page-svg="">
      <svg viewBox={viewBox}>
        <rect width={page.width} height={page.height} fill="#fff" />
      </svg>
      {groups.map((g) => (
        <GroupSvg key={g.key} page={sheet} group={g} outlines={outlines} pictures={pictures} layered={writing !== null && g.owner === writing} />
      ))}
      {frameGuides && <FrameGuides viewBox={viewBox} frames={page.frames} />}
    </div>
  );
}
