import { STORY_STATUSES, type Story } from '../../../core/model';

// The budget's rows as the desk shows them: filtered by what the editor types and picks, sorted by
// the column clicked. Plain functions so the rules are tested without a browser.

export interface BudgetRow {
  id: string;
  slug: string;
  kind: Story['kind'];
  status: Story['status'];
  lengthZi: number;
  author: string;
  /** Page numbers (版次) the story has frames on, in page order. */
  pages: string[];
  /** Who holds the story's lock when it is not this desk, else null. */
  lockedBy: string | null;
  dirty: boolean;
}

/** Whether two row lists show the same: a keystroke makes new row objects with the same figures (lengths follow once typing pauses). */
export function sameRows(a: readonly BudgetRow[], b: readonly BudgetRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x !== y &&
      (x.id !== y.id || x.slug !== y.slug || x.kind !== y.kind || x.status !== y.status || x.lengthZi !== y.lengthZi || x.author !== y.author ||
        x.lockedBy !== y.lockedBy || x.dirty !== y.dirty || x.pages.length !== y.pages.length || x.pages.some((n, j) => n !== y.pages[j]))
    )
      return false;
  }
  return true;
}

export interface BudgetFilter {
  /** Matched against slug, author and headline text, ignoring case. */
  text: string;
  status: Story['status'] | 'all';
  kind: Story['kind'] | 'all';
}

export type SortKey = 'order' | 'slug' | 'kind' | 'status' | 'lengthZi' | 'author' | 'pages';
export interface BudgetSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const NO_FILTER: BudgetFilter = { text: '', status: 'all', kind: 'all' };
export const BUDGET_ORDER: BudgetSort = { key: 'order', dir: 'asc' };

export function filterRows(rows: readonly BudgetRow[], f: BudgetFilter): BudgetRow[] {
  const needle = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.status === 'all' || r.status === f.status) &&
      (f.kind === 'all' || r.kind === f.kind) &&
      (needle === '' || r.slug.toLowerCase().includes(needle) || r.author.toLowerCase().includes(needle)),
  );
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

function compare(a: BudgetRow, b: BudgetRow, key: SortKey): number {
  switch (key) {
    case 'order':
      return 0;
    case 'lengthZi':
      return a.lengthZi - b.lengthZi;
    // The status column sorts along the flow (草稿 first), not by the characters' code points.
    case 'status':
      return STORY_STATUSES.indexOf(a.status) - STORY_STATUSES.indexOf(b.status);
    case 'pages':
      return collator.compare(a.pages[0] ?? '\uffff', b.pages[0] ?? '\uffff');
    default:
      return collator.compare(a[key], b[key]);
  }
}

/** Stable: rows that compare equal keep the budget's own order. */
export function sortRows(rows: readonly BudgetRow[], s: BudgetSort): BudgetRow[] {
  const sign = s.dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => sign * compare(x.r, y.r, s.key) || x.i - y.i)
    .map((x) => x.r);
}

/** Clicking a column sorts by it; clicking it again reverses; a third click returns to budget order. */
export function nextSort(current: BudgetSort, key: SortKey): BudgetSort {
  if (current.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : BUDGET_ORDER;
}
