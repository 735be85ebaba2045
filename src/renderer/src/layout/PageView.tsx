import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { pageGrid } from '../../../core/layout';
import { type Geometry } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { hitTest, type PageHit } from './hit-test';
import { PageSvg } from './PageSvg';
import { LeftRuler, TopRuler } from './Rulers';
import { pagePixelWidth, ZOOMS, type Zoom } from './zoom';
import { useViewSize } from './useViewSize';

const ZOOM_KEYS = { fit: 'page.zoomFit', 1: 'page.zoom100', 2: 'page.zoom200' } as const;

export interface PageViewProps {
  page: DisplayPage;
  /** The issue's page geometry: the rulers' columns come from its grid. */
  geometry: Geometry;
  fonts: FontRegistry;
  pictures: ReadonlyMap<string, string>;
  /** A click on a story's text or frame. */
  onStoryClick(hit: PageHit): void;
  /** The story being written beside the page, if any: its lines are redrawn one by one as it is typed. */
  writing?: string | null;
}

/**
 * One page of the display list, drawn by the shared SVG renderer: glyph outlines from the same font bytes the PDF
 * embeds, never <text>. Only the stories whose drawing changed are drawn again (PageSvg); zoom only resizes it.
 * Rulers in mm and columns (栏) run along the top and left, following zoom and scroll.
 */
export const PageView = memo(function PageView({ page, geometry, fonts, pictures, onStoryClick, writing = null }: PageViewProps) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState<Zoom>('fit');
  const viewRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<SVGSVGElement>(null);
  const leftRef = useRef<SVGSVGElement>(null);
  const view = useViewSize(viewRef);
  const grid = useMemo(() => pageGrid(geometry), [geometry]);

  const width = pagePixelWidth(zoom, page.width, page.height, view.w, view.h);
  const height = (width * page.height) / page.width;

  // The rulers slide with the sheet: 0 mm on its top-left corner wherever scrolling and centring put it.
  const syncRulers = useCallback(() => {
    const sheet = sheetRef.current?.getBoundingClientRect();
    const top = topRef.current;
    const left = leftRef.current;
    if (!sheet || !top?.parentElement || !left?.parentElement) return;
    top.style.transform = `translateX(${sheet.left - top.parentElement.getBoundingClientRect().left}px)`;
    left.style.transform = `translateY(${sheet.top - left.parentElement.getBoundingClientRect().top}px)`;
  }, []);
  useLayoutEffect(syncRulers, [syncRulers, width, view.w, view.h]);
  useEffect(() => {
    window.addEventListener('resize', syncRulers);
    return () => window.removeEventListener('resize', syncRulers);
  }, [syncRulers]);

  return (
    <section className="page-view" aria-label={t('page.view')}>
      <div className="page-toolbar" role="toolbar" aria-label={t('page.zoom')}>
        <span className="page-title">{t('page.title', { number: page.number })}</span>
        {ZOOMS.map((z) => (
          <button key={String(z)} type="button" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
            {t(ZOOM_KEYS[z])}
          </button>
        ))}
      </div>
      <div className="page-ruled">
        <div className="ruler-corner" />
        <TopRuler ref={topRef} grid={grid} widthPx={width} />
        <LeftRuler ref={leftRef} grid={grid} heightPx={height} />
        <div className="page-scroll" ref={viewRef} onScroll={syncRulers}>
          <div
            ref={sheetRef}
            className="page-sheet"
            data-testid="page-sheet"
            data-page={page.number}
            style={{ width: `${width}px`, height: `${height}px` }}
            onClick={(e) => {
              const box = e.currentTarget.getBoundingClientRect();
              const k = page.width / box.width;
              const hit = hitTest(page, (e.clientX - box.left) * k, (e.clientY - box.top) * k);
              if (hit) onStoryClick(hit);
            }}
          >
            <PageSvg page={page} fonts={fonts} pictures={pictures} frameGuides writing={writing} />
          </div>
        </div>
      </div>
    </section>
  );
});
