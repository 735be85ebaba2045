import { isChineseContext, isDigit, isSpace } from './chars';
import { type LocalNote } from './notes';

// ASCII punctuation next to Chinese text becomes full-width (TYPESETTING.md §0, checklist 1–2).
// Every replacement is one character for one, so offsets recorded before and after stay aligned.

const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Nearest non-space neighbour, so `讯 (记者` still sees 讯. */
function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (j >= 0 && j < text.length && isSpace(text[j])) j += step;
  return j >= 0 && j < text.length ? text[j] : undefined;
}

function chineseNextTo(text: string, i: number): boolean {
  return isChineseContext(neighbour(text, i, -1)) || isChineseContext(neighbour(text, i, 1));
}

/** `1,370` and `3:2` / `10:30` keep their ASCII mark: it belongs to the number. */
function insideNumber(text: string, i: number): boolean {
  return isDigit(text[i - 1]) && isDigit(text[i + 1]);
}

/** Matching ASCII bracket pairs (unmatched ones are left alone for the proofreader to report). */
function bracketPairs(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const o = open.pop();
      if (o !== undefined) pairs.set(o, i);
    }
  }
  return pairs;
}

function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

export function normalisePunctuation(text: string): { text: string; notes: LocalNote[] } {
  const out = text.split('');
  const notes: LocalNote[] = [];
  const replace = (i: number, to: string, rule = 'punct.fullwidth'): void => {
    notes.push({ rule, offset: i, before: out[i]!, after: to });
    out[i] = to;
  };
  // Each pass sees the marks the earlier ones made Chinese: `6.2%,"开门红"` needs its quotes first.
  const current = (): string => out.join('');

  // Straight double quotes alternate open/close, but only when they pair up and touch Chinese.
  const quotes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '"') quotes.push(i);
  if (quotes.length > 0 && quotes.length % 2 === 0 && quotes.some((i) => chineseNextTo(text, i))) {
    quotes.forEach((i, k) => replace(i, k % 2 === 0 ? '“' : '”', 'punct.quote'));
  }

  // Brackets go in pairs: Chinese when either side touches Chinese or the content is Chinese.
  let now = current();
  for (const [o, c] of bracketPairs(now)) {
    if (chineseNextTo(now, o) || chineseNextTo(now, c) || hasHan(now.slice(o + 1, c))) {
      replace(o, '（');
      replace(c, '）');
    }
  }

  now = current();
  for (let i = 0; i < now.length; i++) {
    const ch = now[i]!;
    if (ch === '(' || ch === ')') continue;
    const to = FULLWIDTH[ch];
    if (to === undefined) continue;
    if ((ch === ',' || ch === ':') && insideNumber(now, i)) continue;
    if (chineseNextTo(now, i)) replace(i, to);
  }

  // A single space between Han characters (`学雷锋树新风 办实事`) is a word gap the source set as U+0020:
  // it becomes the full-width space print uses.
  now = current();
  for (let i = 1; i + 1 < now.length; i++) {
    if (now[i] === ' ' && now[i - 1] !== ' ' && now[i + 1] !== ' ' && isChineseContext(now[i - 1]) && isChineseContext(now[i + 1])) {
      replace(i, '\u3000', 'space.fullwidth');
    }
  }

  notes.sort((a, b) => a.offset - b.offset);
  return { text: out.join(''), notes };
}
