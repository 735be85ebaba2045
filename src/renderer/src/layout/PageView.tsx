import { useRef, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { useI18n } from '../i18n/I18nProvider';
import { hitTest, type PageHit } from './hit-test';
import { PageSvg } from './PageSvg';
import { pagePixelWidth, ZOOMS, type Zoom } from './zoom';
import { useViewSize } from './useViewSize';

const ZOOM_KEYS = { fit: 'page.zoomFit', 1: 'page.zoom100', 2: 'page.zoom200' } as const;

/**
 * One page of the display list, drawn by the shared SVG renderer: glyph outlines from the same font
 * bytes the PDF embeds, placed with <use>, never <text>. Only the stories whose drawing changed are
 * drawn again (PageSvg); zoom only resizes it.
 */
export interface PageViewProps {
  page: DisplayPage;
  fonts: FontRegistry;
  pictures: ReadonlyMap<string, string>;
  /** A click on a story's text or frame. */
  onStoryClick(hit: PageHit): void;
}

export function PageView({ page, fonts, pictures, onStoryClick }: PageViewProps) {
  const { t } = useI18n();
  const [zoom, setZoom] = useState<Zoom>('fit');
  const viewRef = useRef<HTMLDivElement>(null);
  const view = useViewSize(viewRef);

  const width = pagePixelWidth(zoom, page.width, page.height, view.w, view.h);

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
      <div className="page-scroll" ref={viewRef}>
        <div
          className="page-sheet"
          data-testid="page-sheet"
          data-page={page.number}
          style={{ width: `${width}px`, height: `${(width * page.height) / page.width}px` }}
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            const k = page.width / box.width;
            const hit = hitTest(page, (e.clientX - box.left) * k, (e.clientY - box.top) * k);
            if (hit) onStoryClick(hit);
          }}
        >
          <PageSvg page={page} fonts={fonts} pictures={pictures} frameGuides />
        </div>
      </div>
    </section>
  );
}
