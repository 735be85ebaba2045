import { type TextFinding } from './types';

// Quotes, brackets and book-title marks must pair up within a paragraph. Nesting is checked too:
// `“…‘…”…’` is as wrong as a missing mark.

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '〈': '〉', '【': '】', '「': '」', '『': '』', '〔': '〕' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(OPENERS).map(([o, c]) => [c, o]));

/** `text` may hold several paragraphs separated by '\n'; each is checked on its own. */
export function findUnpaired(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  let stack: { ch: string; at: number }[] = [];
  const flush = (): void => {
    for (const o of stack) out.push({ offset: o.at, length: 1, rule: 'unpaired', message: `“${o.ch}”没有对应的“${OPENERS[o.ch]!}”`, suggestion: o.ch });
    stack = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      flush();
      continue;
    }
    if (OPENERS[ch] !== undefined) {
      stack.push({ ch, at: i });
      continue;
    }
    const opener = CLOSERS[ch];
    if (opener === undefined) continue;
    const top = stack[stack.length - 1];
    if (top && top.ch === opener) {
      stack.pop();
      continue;
    }
    const depth = stack.map((s) => s.ch).lastIndexOf(opener);
    if (depth >= 0) {
      // Marks opened inside this pair were never closed.
      for (const o of stack.slice(depth + 1)) out.push({ offset: o.at, length: 1, rule: 'unpaired', message: `“${o.ch}”没有对应的“${OPENERS[o.ch]!}”`, suggestion: o.ch });
      stack = stack.slice(0, depth);
      continue;
    }
    out.push({ offset: i, length: 1, rule: 'unpaired', message: `“${ch}”没有对应的“${opener}”`, suggestion: ch });
  }
  flush();
  return out;
}
