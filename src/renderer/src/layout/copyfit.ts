import { type StoryFit } from '../../../core/layout';

// The copyfit figure the budget and the editor show for a placed story, from the real layout
// (DESIGN.md §3): overset in lines at the last frame's measure, underset in empty character cells.

export type Copyfit =
  | { state: 'over'; lines: number; chars: number }
  | { state: 'under'; chars: number; lines: number }
  | { state: 'fit' };

export function copyfitOf(fit: Pick<StoryFit, 'oversetChars' | 'oversetLines' | 'undersetChars' | 'undersetLines'>): Copyfit {
  if (fit.oversetChars > 0 || fit.oversetLines > 0) return { state: 'over', lines: fit.oversetLines, chars: fit.oversetChars };
  if (fit.undersetChars > 0 || fit.undersetLines > 0) return { state: 'under', chars: fit.undersetChars, lines: fit.undersetLines };
  return { state: 'fit' };
}

/** Message key and value: `超 3 行` (or `超 5 字` when the overset is less than a line), `欠 12 字`, `正好`. */
export function copyfitMessage(c: Copyfit): { key: 'copyfit.overLines' | 'copyfit.overChars' | 'copyfit.under' | 'copyfit.fit'; n: number } {
  if (c.state === 'over') return c.lines > 0 ? { key: 'copyfit.overLines', n: c.lines } : { key: 'copyfit.overChars', n: c.chars };
  if (c.state === 'under') return { key: 'copyfit.under', n: c.chars };
  return { key: 'copyfit.fit', n: 0 };
}
