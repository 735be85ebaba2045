import { isChineseContext } from '../chars';
import { type TextFinding } from './types';

// Latin words inside Chinese prose (`责任意识 and 能力水平`): an extraction or translation slip. Acronyms
// in capitals (GDP, APP, 5G) are normal newspaper usage and pass; accepted words go in the house dictionary.

const SUGGEST: Record<string, string> = { and: '和', or: '或', with: '与', of: '的', for: '为', to: '至', the: '' };

export function findLatinWords(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  const re = /[A-Za-z][A-Za-z'-]*/g;
  for (const m of text.matchAll(re)) {
    const word = m[0];
    if (/^[A-Z0-9]+$/.test(word)) continue;
    let b = m.index - 1;
    while (b >= 0 && text[b] === ' ') b--;
    let a = m.index + word.length;
    while (a < text.length && text[a] === ' ') a++;
    if (!isChineseContext(text[b]) || !isChineseContext(text[a])) continue;
    // Cover the spaces too: the fix replaces ` and ` by 和.
    const suggestion = SUGGEST[word.toLowerCase()];
    out.push({
      offset: b + 1, length: a - b - 1, rule: 'latin-word',
      message: `中文行文中夹有外文“${word}”`, suggestion: suggestion ?? word,
    });
  }
  return out;
}
