import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { useI18n } from '../i18n/I18nProvider';
import { PageThumb } from './PageThumb';

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
          <PageThumb page={p} fonts={fonts} pictures={pictures} />
          <span className="page-thumb-label">{t('page.thumb', { number: p.number, name: names.get(p.pageId) ?? '' })}</span>
        </button>
      ))}
    </nav>
  );
}
