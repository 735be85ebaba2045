import { memo, useMemo } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { renderSvg } from '../../../core/render';
import { useI18n } from '../i18n/I18nProvider';

const THUMB_PX = 110;

const Thumb = memo(function Thumb({ page, fonts, pictures }: { page: DisplayPage; fonts: FontRegistry; pictures: ReadonlyMap<string, string> }) {
  const svg = useMemo(
    () => renderSvg(page, { outlines: { outline: (face, gid) => fonts.glyphPath(face.key, gid) }, imageHref: (id) => pictures.get(id) ?? null, pixelWidth: THUMB_PX }),
    [page, fonts, pictures],
  );
  // Our own renderer's SVG over the display list: no script, attribute values escaped.
  return <span className="page-thumb-art" dangerouslySetInnerHTML={{ __html: svg }} />;
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
  return (
    <nav className="page-strip" aria-label={t('page.strip')}>
      {pages.map((p, i) => (
        <button key={p.pageId} type="button" className="page-thumb" aria-current={i === current ? 'page' : undefined} data-page={p.number} onClick={() => onPick(i)}>
          <Thumb page={p} fonts={fonts} pictures={pictures} />
          <span className="page-thumb-label">{t('page.thumb', { number: p.number, name: names.get(p.pageId) ?? '' })}</span>
        </button>
      ))}
    </nav>
  );
}
