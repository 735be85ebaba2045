import { isHanCode } from '../chars';
import { type TextFinding } from './types';

// A word typed twice (`的的` is too common in reduplication to flag; `发展发展` is not) and an item repeated
// in an enumeration (`精细化、精准化、精细化`).

function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isHanCode(c);
}

export function findRepeatedWords(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (let len = 4; len >= 2; len--) {
    for (let i = 0; i + 2 * len <= text.length; i++) {
      let same = true;
      for (let k = 0; k < len; k++) {
        if (!isHanAt(text, i + k) || text.charCodeAt(i + k) !== text.charCodeAt(i + len + k)) {
          same = false;
          break;
        }
      }
      // AABB-style reduplication (干干净净) repeats characters, not words.
      if (!same || text[i] === text[i + 1]) continue;
      if (out.some((f) => f.offset <= i + len && i + len < f.offset + f.length)) continue;
      const word = text.slice(i, i + len);
      out.push({ offset: i + len, length: len, rule: 'repeat-word', message: `“${word}”连续出现两次`, suggestion: '' });
      i += 2 * len - 1;
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const CLAUSE_END = /[，。；：！？\n“”（）《》]/u;

export function findRepeatedItems(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !CLAUSE_END.test(text[i]!)) continue;
    const clause = text.slice(start, i);
    if (clause.includes('、')) {
      const seen = new Set<string>();
      let at = start;
      const items = clause.split('、');
      items.forEach((item, k) => {
        // The last item runs on into the rest of the clause (`…、外资八大重点方向`): compare only whole items.
        if (k > 0 && k < items.length - 1 && item.length >= 2 && seen.has(item)) {
          out.push({ offset: at - 1, length: item.length + 1, rule: 'repeat-item', message: `并列项“${item}”重复`, suggestion: '' });
        }
        seen.add(item);
        at += item.length + 1;
      });
      // The last item may carry a tail (等, 管理水平 …): it repeats an earlier item when it starts with one.
      const last = items[items.length - 1]!;
      const first = items.slice(0, -1).find((it) => it.length >= 2 && last.startsWith(it));
      if (first && items.length > 2) {
        out.push({ offset: at - last.length - 2, length: first.length + 1, rule: 'repeat-item', message: `并列项“${first}”重复`, suggestion: '' });
      }
    }
    start = i + 1;
  }
  return out;
}
