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
    for (const ch of text) if (!/\s/u.test(ch)) n++;
  };
  count(bodyPlainText(story.body));
  for (const photo of story.photos) count(photo.caption);
  return n;
}
