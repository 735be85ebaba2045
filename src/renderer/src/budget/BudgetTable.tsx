import { memo, useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { KindOptions, StatusOptions } from '../story/StoryOptions';
import { CopyfitLabel } from '../layout/CopyfitLabel';
import { type Copyfit } from '../layout/copyfit';
import { BUDGET_ORDER, filterRows, NO_FILTER, nextSort, sortRows, type BudgetFilter, type BudgetRow, type BudgetSort, type SortKey } from './budget-view';

export type { BudgetRow };

const COLUMNS: { key: SortKey; label: 'budget.slug' | 'budget.kind' | 'budget.status' | 'budget.length' | 'budget.author' | 'budget.pages'; num?: boolean }[] = [
  { key: 'slug', label: 'budget.slug' },
  { key: 'kind', label: 'budget.kind' },
  { key: 'status', label: 'budget.status' },
  { key: 'lengthZi', label: 'budget.length', num: true },
  { key: 'author', label: 'budget.author' },
  { key: 'pages', label: 'budget.pages' },
];

export interface BudgetTableProps {
  rows: readonly BudgetRow[];
  /** Copyfit of each placed story from the live layout. */
  copyfits: ReadonlyMap<string, Copyfit>;
  openId: string | null;
  onOpen(id: string): void;
}

/** The filter bar: drawn again only when a filter changes, not on every keystroke that changes a row. */
const BudgetFilters = memo(function BudgetFilters({ filter, onFilter }: { filter: BudgetFilter; onFilter(f: BudgetFilter): void }) {
  const { t } = useI18n();
  return (
    <div className="budget-filters">
      <input type="search" aria-label={t('budget.search')} placeholder={t('budget.search')} value={filter.text} onChange={(e) => onFilter({ ...filter, text: e.target.value })} />
      <label>
        {t('budget.status')}
        <select value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value as BudgetFilter['status'] })}>
          <option value="all">{t('budget.all')}</option>
          <StatusOptions />
        </select>
      </label>
      <label>
        {t('budget.kind')}
        <select value={filter.kind} onChange={(e) => onFilter({ ...filter, kind: e.target.value as BudgetFilter['kind'] })}>
          <option value="all">{t('budget.all')}</option>
          <KindOptions />
        </select>
      </label>
    </div>
  );
});

const sameFit = (a: Copyfit | null, b: Copyfit | null): boolean =>
  a === b || (a !== null && b !== null && a.state === b.state && (a.state === 'fit' || (b.state !== 'fit' && a.lines === b.lines && a.chars === b.chars)));

/**
 * One story's row. Rows are made again for every keystroke (the story typed into has a new length), so a row compares
 * what it shows: only the typed story's row is drawn again.
 */
const BudgetRowView = memo(
  function BudgetRowView({ row: r, fit, open, onOpen }: { row: BudgetRow; fit: Copyfit | null; open: boolean; onOpen(id: string): void }) {
    const { t } = useI18n();
    return (
      <tr data-story-id={r.id} aria-selected={open} className={open ? 'open' : undefined} onClick={() => onOpen(r.id)}>
        <td className="slug">
          <button type="button" className="link" onClick={() => onOpen(r.id)}>
            {r.slug}
          </button>
        </td>
        <td>{t(`kind.${r.kind}`)}</td>
        <td>
          <span className={`status status-${r.status}`}>{t(`status.${r.status}`)}</span>
        </td>
        <td className="num">{t('budget.lengthValue', { n: r.lengthZi })}</td>
        <td>{r.author}</td>
        <td>{r.pages.join('、')}</td>
        <td>{fit && <CopyfitLabel fit={fit} />}</td>
        <td>{r.lockedBy ?? ''}</td>
      </tr>
    );
  },
  (a, b) =>
    a.open === b.open &&
    a.onOpen === b.onOpen &&
    sameFit(a.fit, b.fit) &&
    a.row.id === b.row.id &&
    a.row.slug === b.row.slug &&
    a.row.kind === b.row.kind &&
    a.row.status === b.row.status &&
    a.row.lengthZi === b.row.lengthZi &&
    a.row.author === b.row.author &&
    a.row.pages.join() === b.row.pages.join() &&
    a.row.lockedBy === b.row.lockedBy,
);

/** 稿件库: every story with its state; filter, sort by any column, open a story by clicking it. */
export const BudgetTable = memo(function BudgetTable({ rows, copyfits, openId, onOpen }: BudgetTableProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<BudgetFilter>(NO_FILTER);
  const [sort, setSort] = useState<BudgetSort>(BUDGET_ORDER);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const arrow = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');

  return (
    <section className="budget" aria-labelledby="budget-title">
      <header className="budget-header">
        <h2 id="budget-title">{t('budget.title')}</h2>
        <span className="budget-count">
          {shown.length === rows.length ? t('budget.count', { n: rows.length }) : t('budget.countFiltered', { n: shown.length, total: rows.length })}
        </span>
      </header>
      <BudgetFilters filter={filter} onFilter={setFilter} />
      {rows.length === 0 ? (
        <p className="budget-empty">{t('budget.empty')}</p>
      ) : (
        <table className="budget-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.num ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => setSort(nextSort(sort, c.key))}>
                    {t(c.label)}
                    {arrow(c.key)}
                  </button>
                </th>
              ))}
              <th scope="col">{t('budget.copyfit')}</th>
              <th scope="col">{t('budget.lock')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <BudgetRowView key={r.id} row={r} fit={copyfits.get(r.id) ?? null} open={r.id === openId} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
