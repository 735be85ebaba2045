import { type EditorThemeClasses } from 'lexical';

/**
 * CSS class names the story editor puts on its DOM (H-shell's stylesheet styles them; the editor
 * imports no CSS):
 *
 *   .story-editor                 wrapper of toolbar + body (data-testid="story-editor")
 *   .story-editor__content        the contenteditable body (data-testid="story-editor-content")
 *   .story-editor__placeholder    placeholder shown while the body is empty
 *   .story-editor__paragraph      <p>, with data-style-id="<paragraph style id>"
 *   .story-editor__subhead        <h3>, with data-style-id
 *   .story-editor__bold           bold text run; any run with a character style has data-char-style="<id>"
 *   .story-dateline               the dateline (contenteditable=false, data-testid="story-dateline")
 *   .story-dateline__head         本报济宁讯 (黑体 on the page)
 *   .story-dateline__credits      （通讯员\u3000刘春雷） (楷体 on the page)
 *   .story-toolbar, .story-dateline-form, .story-form   toolbar, dateline dialog, headline/photo fields
 *
 * Suggested faces: body text Noto Serif SC (@fontsource/noto-serif-sc), sub-heads and the dateline head
 * Noto Sans SC, credits LXGW WenKai — the screen stand-ins for 书宋, 黑体 and 楷体.
 */
export const STORY_THEME: EditorThemeClasses = {
  paragraph: 'story-editor__paragraph',
  subhead: 'story-editor__subhead',
  dateline: 'story-dateline',
  text: {
    bold: 'story-editor__bold',
    italic: 'story-editor__italic',
  },
};
