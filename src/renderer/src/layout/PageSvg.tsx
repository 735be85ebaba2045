import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { svgItems } from '../../../core/render';
import { GlyphDefs } from './glyph-defs';
import { pageCommitted, watchKeystrokes } from './keystroke-timing';
import { pageGroups, type PageGroup } from './page-groups';

interface GroupProps {
  page: DisplayPage;
  group: PageGroup;
  defs: GlyphDefs;
  pictures: ReadonlyMap<string, string>;
  /** Prefix for this group's clip-path ids. */
  idPrefix: string;
}

/** One run of the page's items. Drawn again only when its digest changes (or its pictures arrive). */
const GroupSvg = memo(
  function GroupSvg({ page, group, defs, pictures, idPrefix }: GroupProps) {
    const clips: string[] = [];
    const body = svgItems(page, group.items, {
      glyphRef: (g) => defs.ref(g),
      clipRef: (rect) => {
        const id = `${idPrefix}${clips.length}`;
        clips.push(`<clipPath id="${id}">${rect}</clipPath>`);
        return id;
      },
      imageHref: (id) => pictures.get(id) ?? null,
    });
    const html = (clips.length > 0 ? `<defs>${clips.join('')}</defs>` : '') + body.join('');
    // Our own renderer's SVG over the display list: numbers, glyph ids and escaped attribute values, no script.
    return <g data-owner={group.owner} dangerouslySetInnerHTML={{ __html: html }} />;
  },
  // Face keys and their metrics are fixed for the life of a font registry, and so of `defs`.
  (a, b) => a.group.hash === b.group.hash && a.defs === b.defs && a.idPrefix === b.idPrefix && (!a.group.hasImage || a.pictures === b.pictures),
);

const Chunk = memo(function Chunk({ html }: { html: string }) {
  return <g dangerouslySetInnerHTML={{ __html: html }} />;
});

/**
 * A display page as one inline SVG, in runs per story (page-groups.ts): when a keystroke changes one story, React
 * redraws that story's runs and leaves every other run's DOM as it was. Glyphs are `<use>`s of outlines defined
 * once (glyph-defs.ts), never `<text>`. Each redraw closes a pending keystroke measure (keystroke-timing.ts).
 */
export function PageSvg({ page, fonts, pictures, frameGuides }: { page: DisplayPage; fonts: FontRegistry; pictures: ReadonlyMap<string, string>; frameGuides: boolean }) {
  const prefix = `pv${useId().replace(/[^A-Za-z0-9]/g, '')}-`;
  const defsRef = useRef<GlyphDefs | null>(null);
  if (!defsRef.current || defsRef.current.fonts !== fonts) defsRef.current = new GlyphDefs(prefix, fonts);
  const defs = defsRef.current;
  // Before the runs draw, so every <use> finds its path.
  useMemo(() => defs.add(page), [defs, page]);
  const groups = useMemo(() => pageGroups(page), [page]);

  useEffect(watchKeystrokes, []);
  useLayoutEffect(pageCommitted, [page]);

  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${page.width} ${page.height}`} data-page-svg="">
      <defs>
        {defs.chunks.map((c, i) => (
          <Chunk key={i} html={c} />
        ))}
      </defs>
      <rect width={page.width} height={page.height} fill="#fff" />
      {groups.map((g) => (
        <GroupSvg key={g.key} page={page} group={g} defs={defs} pictures={pictures} idPrefix={`${prefix}c${g.key.replace(/[^A-Za-z0-9_-]/g, '_')}-`} />
      ))}
      {frameGuides && (
        // As React elements: a frame whose box changed (its story grew) updates its own attributes only.
        <g data-guides="">
          {page.frames.map((f) => (
            <rect key={f.frameId} x={f.x} y={f.y} width={f.w} height={f.h} fill="none" stroke="#3b82f6" strokeWidth={0.3} data-frame={f.frameId} data-story={f.storyId ?? ''} />
          ))}
        </g>
      )}
    </svg>
  );
}
