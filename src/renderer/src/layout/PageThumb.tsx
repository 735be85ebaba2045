import { memo, useEffect, useMemo, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { svgItems } from '../../../core/render';
import { outlinesFor } from './glyph-outlines';
import { useInnerHtml } from './use-inner-html';

/** Thumbnail width in CSS px (the page strip and 版面计划). */
const THUMB_PX = 110;

/**
 * False until two frames after mounting: thumbnails wait, so the page mounted with them shows first and its frame is
 * not held up by drawing every thumbnail (one animation frame and a task was too early: they ran before that frame).
 */
function useAfterFirstFrame(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = window.setTimeout(() => setReady(true), 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return ready;
}

/**
 * A page drawn small from its display list: glyphs as their outlines placed on the page, one `<path>` per stretch of
 * same-coloured glyphs (the page view's way, not a `<use>` per glyph: a 24-page plan would hold a hundred thousand).
 */
export const PageThumb = memo(function PageThumb({ page, fonts, pictures }: { page: DisplayPage; fonts: FontRegistry; pictures: ReadonlyMap<string, string> }) {
  const ready = useAfterFirstFrame();
  const outlines = outlinesFor(fonts);
  const heightPx = (THUMB_PX * page.height) / page.width;
  const svg = useMemo(() => {
    if (!ready) return '';
    // Clip ids carry the page: the thumbnails and the page view share one document.
    const clips: string[] = [];
    const body = svgItems(page, page.items, {
      glyphRef: () => null,
      outline: (g) => outlines.get(page, g),
      clipRef: (rect) => {
        const id = `thumb-${page.pageId.replace(/[^A-Za-z0-9_-]/g, '_')}-${clips.length}`;
        clips.push(`<clipPath id="${id}">${rect}</clipPath>`);
        return id;
      },
      imageHref: (id) => pictures.get(id) ?? null,
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMB_PX}" height="${heightPx}" viewBox="0 0 ${page.width} ${page.height}"><defs>${clips.join('')}</defs><rect width="${page.width}" height="${page.height}" fill="#fff"/>${body.join('')}</svg>`;
  }, [ready, page, outlines, pictures, heightPx]);
  const inner = useInnerHtml(svg);
  if (!ready) return <span className="page-thumb-art" style={{ display: 'block', width: THUMB_PX, height: heightPx, background: '#fff' }} />;
  // Our own renderer's SVG over the display list: no script, attribute values escaped.
  return <span className="page-thumb-art" dangerouslySetInnerHTML={inner} />;
});
