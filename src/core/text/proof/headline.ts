import { type TextFinding } from './types';

// A headline ends without punctuation, except ？ and ！ (TYPESETTING.md §6.3).

export function findHeadlineEnd(line: string): TextFinding[] {
  const m = /[。，、；：.,;:]+$/u.exec(line);
  if (!m) return [];
  return [{ offset: m.index, length: m[0].length, rule: 'headline-end', message: `标题末尾不用“${m[0]}”`, suggestion: '' }];
}
