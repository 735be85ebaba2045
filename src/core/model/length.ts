import { eachCodePoint } from '../text/chars';
import { bodyPlainText } from './compose-input';
import { type Story } from './story';

/**
 * A story's length in 字 as desks count it (the budget's 字数): every character of the copy,
 * punctuation and the dateline included; spaces (half- and full-width) and paragraph breaks not.
 * Photo captions are copy too (a 图片新闻's text is its caption); credits and headlines are not.
 * Code points, not UTF-16 units, so a rare hanzi outside the BMP counts once.
 */
export function storyLengthZi(story: Pick<Story, 'body' | 'photos'>): number {
  let n = 0;
  const count = (text: string) => {
    eachCodePoint(text, (cp) => {
      if (!isUnicodeSpace(cp)) n++;
    });
  };
  count(bodyPlainText(story.body));
  for (const photo of story.photos) count(photo.caption);
  return n;
}

/** What `\s` matches in a Unicode regular expression. */
function isUnicodeSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
