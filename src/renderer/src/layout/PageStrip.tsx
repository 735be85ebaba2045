import { memo, useEffect, useMemo, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { svgItems } from '../../../core/render';
import { useI18n } from '../i18n/I18nProvider';
import { outlinesFor, type GlyphOutlines } from './glyph-outlines';
import { useInnerHtml } from './use-inner-html';

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

const Thumb = memo(function Thumb({ page, outlines, pictures }: { page: DisplayPage; outlines: GlyphOutlines; pictures: ReadonlyMap<string, string> }) {
  const ready = useAfterFirstFrame();
  const heightPx = (THUMB_PX * page.height) / page.width;
  const svg = useMemo(() => {
    if (!ready) return '';
    // Glyphs as placed outlines (no ids to clash between the thumbnails and the page view in one document).
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
  // Our own renderer's SVG over the display list: no script, attribute values escaped.
  if (!ready) return <span className="page-thumb-art" style={{ display: 'block', width: THUMB_PX, height: heightPx, background: '#fff' }} />;
  return <span className="page-thumb-art" dangerouslySetInnerHTML={inner} />;
});

/** Every page of the issue as a thumbnail drawn from the same display list; a click shows that page. */
export function PageStrip({ pages, names, current, fonts, pictures, onPick }: {
  pages: readonly DisplayPage[];
  /** 版名 by page id. */
  names: ReadonlyMap<string, string>;
  current: number;
  fonts: FontRegistry;
  pictures: ReadonlyMap<string, string>;
  onPick(index: number): void;
}) {
  const { t } = useI18n();
  const outlines = outlinesFor(fonts);
  return (
    <nav className="page-strip" aria-label={t('page.strip')}>
      {pages.map((p, i) => (
        <button key={p.pageId} type="button" className="page-thumb" aria-current={i === current ? 'page' : undefined} data-page={p.number} onClick={() => onPick(i)}>
          <Thumb page={p} outlines={outlines} pictures={pictures} />
          <span className="page-thumb-label">{t('page.thumb', { number: p.number, name: names.get(p.pageId) ?? '' })}</span>
        </button>
      ))}
    </nav>
  );
}
