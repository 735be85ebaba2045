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
  // By char codes: the budget counts the story being typed on every keystroke, and iterating a string of hanzi
  // makes a string per character.
  const count = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue; // counted with its pair
      if (!isSpace(c)) n++;
    }
  };
  count(bodyPlainText(story.body));
  for (const photo of story.photos) count(photo.caption);
  return n;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** What `\s` matches in a Unicode regular expression, by char code. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
