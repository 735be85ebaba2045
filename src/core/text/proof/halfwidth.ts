import { isChineseContext, isDigit, isHan } from '../chars';
import { type TextFinding } from './types';

// Half-width punctuation and spaces inside Chinese text (the importer fixes these in new copy; text typed or
// pasted later can bring them back).

const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）', '"': '“' };

export function findHalfwidth(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ') {
      if (isHan(text[i - 1]) && isHan(text[i + 1])) {
        out.push({ offset: i, length: 1, rule: 'halfwidth-punct', message: '汉字之间有半角空格', suggestion: '\u3000' });
      }
      continue;
    }
    const to = FULLWIDTH[ch];
    if (to === undefined) continue;
    if ((ch === ',' || ch === ':') && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
    if (!isChineseContext(text[i - 1]) && !isChineseContext(text[i + 1])) continue;
    out.push({ offset: i, length: 1, rule: 'halfwidth-punct', message: `中文里用了半角“${ch}”`, suggestion: to });
  }
  return out;
}
