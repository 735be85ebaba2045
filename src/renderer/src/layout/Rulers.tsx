import { forwardRef, memo, useMemo } from 'react';
import { type PageGrid } from '../../../core/layout';
import { useI18n } from '../i18n/I18nProvider';
import { columnMarks, mmTicks } from './rulers';

/** Ruler thickness, px (CSS: .page-ruled). The top ruler has a millimetre band over a column band. */
export const RULER_PX = 18;

const TICK = { major: RULER_PX - 4, mid: 7, minor: 4 } as const;

/**
 * The top ruler, drawn for the whole page width at the current zoom; the page view slides it (a transform set on
 * scroll, no React render) so that 0 sits on the page's left edge.
 */
// Memoised: the page view draws again on every keystroke, its rulers only when the zoom or the grid changes.
export const TopRuler = memo(forwardRef<SVGSVGElement, { grid: PageGrid; widthPx: number }>(function TopRuler({ grid, widthPx }, ref) {
  const { t } = useI18n();
  const k = widthPx / grid.pageWidth;
  const ticks = useMemo(() => mmTicks(grid.pageWidth, k), [grid, k]);
  const columns = useMemo(() => columnMarks(grid, k), [grid, k]);
  return (
    <div className="ruler ruler-top" role="img" aria-label={t('page.rulerTop')}>
      <svg ref={ref} width={widthPx} height={RULER_PX * 2} data-testid="ruler-top">
        {ticks.map((tk) => (
          <line key={tk.mm} x1={tk.px} x2={tk.px} y1={RULER_PX} y2={RULER_PX - TICK[tk.size]} className={`tick tick-${tk.size}`} data-mm={tk.mm} />
        ))}
        {ticks
          .filter((tk) => tk.size === 'major')
          .map((tk) => (
            <text key={`l${tk.mm}`} x={tk.px + 2} y={9} className="ruler-label">
              {tk.mm}
            </text>
          ))}
        {columns.map((c) => (
          <g key={c.n} data-column={c.n} data-from={c.fromPx} data-to={c.toPx}>
            <rect x={c.fromPx} y={RULER_PX + 2} width={c.toPx - c.fromPx} height={RULER_PX - 4} className="ruler-column" />
            <text x={(c.fromPx + c.toPx) / 2} y={RULER_PX * 2 - 5} textAnchor="middle" className="ruler-label">
              {c.n}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}));

/** The left ruler: millimetres down the page, slid like the top one. */
export const LeftRuler = memo(forwardRef<SVGSVGElement, { grid: PageGrid; heightPx: number }>(function LeftRuler({ grid, heightPx }, ref) {
  const { t } = useI18n();
  const k = heightPx / grid.pageHeight;
  const ticks = useMemo(() => mmTicks(grid.pageHeight, k), [grid, k]);
  return (
    <div className="ruler ruler-left" role="img" aria-label={t('page.rulerLeft')}>
      <svg ref={ref} width={RULER_PX + 8} height={heightPx} data-testid="ruler-left">
        {ticks.map((tk) => (
          <line key={tk.mm} y1={tk.px} y2={tk.px} x1={RULER_PX + 8} x2={RULER_PX + 8 - TICK[tk.size]} className={`tick tick-${tk.size}`} data-mm={tk.mm} />
        ))}
        {ticks
          .filter((tk) => tk.size === 'major' && tk.mm > 0)
          .map((tk) => (
            <text key={`l${tk.mm}`} x={1} y={tk.px - 2} className="ruler-label">
              {tk.mm}
            </text>
          ))}
      </svg>
    </div>
  );
}));
