// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, PASTE_COMMAND, UNDO_COMMAND, type TextNode } from 'lexical';
import { bodyOf, paragraphNode, textNode } from '../../src/core/model/body';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { blockText, type PastedBlock } from '../../src/renderer/src/editor/paste/blocks';
import { cleanHtml, htmlSource } from '../../src/renderer/src/editor/paste/cleanHtml';
import { cleanPlainText } from '../../src/renderer/src/editor/paste/cleanText';
import { registerPasteCleaning } from '../../src/renderer/src/editor/paste/registerPaste';
import { STORY_NODES } from '../../src/renderer/src/editor/nodes';
import { STORY_NAMESPACE } from '../../src/renderer/src/editor/registerStoryEditor';
import { parseHtml, storyEditor } from './harness';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const clean = (html: string) => cleanHtml(parseHtml(html), htmlSource(html));
const texts = (blocks: PastedBlock[]) => blocks.map((b) => `${b.kind === 'subhead' ? '## ' : ''}${blockText(b)}`);
const bolds = (blocks: PastedBlock[]) => blocks.flatMap((b) => b.inlines.flatMap((i) => (i.type === 'text' && i.bold ? [i.text] : [])));

/** A paste event as Chromium delivers it. */
function pasteEvent(data: Record<string, string>) {
  let prevented = false;
  const event = {
    clipboardData: { types: Object.keys(data), getData: (type: string) => data[type] ?? '' },
    preventDefault: () => {
      prevented = true;
    },
  };
  return { event: event as unknown as ClipboardEvent, prevented: () => prevented };
}

describe('pasting from Word', () => {
  const blocks = clean(fixture('word.html'));

  it('is recognised as Word copy', () => {
    expect(htmlSource(fixture('word.html'))).toBe('word');
    expect(htmlSource(fixture('web.html'))).toBe('web');
  });

  it('keeps the paragraphs and the text as typed, and nothing of Word', () => {
    expect(texts(blocks)).toEqual([
      '太白湖新区举办农民丰收节',
      '本报济宁讯（通讯员　刘春雷）9月23日，太白湖新区石桥镇举办“庆丰收·迎盛会”农民丰收节，千余名群众参加活动。活动现场设置了农产品展销区、农耕文化展示区和趣味农事竞技区，群众在家门口就能感受丰收的喜悦。',
      '## 丰收节上晒丰收',
      '9月23日上午，石桥镇文化广场上人头攒动。',
      '活动地点：石桥镇文化广场\n主办单位：石桥镇人民政府',
    ]);
    const all = texts(blocks).join('\n');
    for (const junk of ['mso', 'font-family', '宋体', 'o:p', 'clip_image', '批注', 'Word.Document', '\u00a0']) expect(all).not.toContain(junk);
  });

  it('keeps bold, drops empty paragraphs, and keeps Shift+Enter as a line break', () => {
    expect(bolds(blocks)).toEqual(['太白湖新区举办农民丰收节', '千余名群众']);
    expect(blocks.every((b) => blockText(b).trim().length > 0)).toBe(true);
    expect(blocks[4]!.inlines.map((i) => i.type)).toEqual(['text', 'linebreak', 'text']);
  });
});

describe('pasting from web pages', () => {
  it('keeps the article and drops scripts, styles, hidden text, images, buttons, navigation and links', () => {
    const blocks = clean(fixture('web.html'));
    expect(texts(blocks)).toEqual([
      '## 石桥镇举办农民丰收节',
      '本报济宁讯（通讯员　刘春雷）9月23日，太白湖新区石桥镇举办农民丰收节。',
      '千余名群众参加活动。',
      '活动现场，农产品展销区人头攒动。',
      '据介绍，今年全镇粮食总产量再创新高。',
      '记者：张三\n编辑：李四',
    ]);
    expect(bolds(blocks)).toEqual(['千余名群众', '农产品展销']);
    expect(JSON.stringify(blocks)).not.toMatch(/ads|ad-slot|来源|A\+|相关新闻|https?:/);
  });

  it('turns <br><br> into paragraph breaks and ignores <font>', () => {
    expect(texts(clean(fixture('web-br.html')))).toEqual([
      '石桥镇举办农民丰收节。千余名群众参加活动。',
      '活动现场人头攒动，农产品展销区尤其热闹。',
      '据介绍，今年全镇粮食总产量再创新高。',
    ]);
  });

  it('a single <br> after a full stop starts a paragraph; inside a sentence it is a line break', () => {
    expect(texts(clean('<p>第一句。<br>第二句。</p>'))).toEqual(['第一句。', '第二句。']);
    expect(texts(clean('<p>山东省济宁市<br>太白湖新区</p>'))).toEqual(['山东省济宁市\n太白湖新区']);
    expect(texts(clean('<p>他说：“好。”<br>大家笑了。</p>'))).toEqual(['他说：“好。”', '大家笑了。']);
  });

  it('Google Docs: the normal-weight <b> wrapper is not bold, font-weight 700 is', () => {
    const blocks = clean(fixture('gdocs.html'));
    expect(texts(blocks)).toEqual(['第一段，普通文字。', '加粗的开头，后面普通。']);
    expect(bolds(blocks)).toEqual(['加粗的开头']);
  });

  it('collapses HTML white space but keeps spaces that are copy', () => {
    expect(texts(clean('<p>  GDP  增长\n  5.2%，\n达到 <b>1 万亿</b> 元  </p>'))).toEqual(['GDP 增长 5.2%，达到 1 万亿 元']);
    expect(texts(clean('<p>甲\n乙</p><p>word\nwrap</p>'))).toEqual(['甲乙', 'word wrap']);
  });

  it('lists, tables and preformatted text become paragraphs', () => {
    expect(texts(clean('<ul><li>一是</li><li>二是</li></ul><table><tr><td>甲</td><td>乙</td></tr></table><pre>第一行\n第二行</pre>'))).toEqual([
      '一是', '二是', '甲', '乙', '第一行\n第二行',
    ]);
  });
});

describe('pasting plain text', () => {
  it('splits paragraphs and drops their indentation, as the importer does', () => {
    const text = '　　本报济宁讯（通讯员　刘春雷）9月23日，石桥镇举办农民丰收节。\r\n\r\n　　千余名群众参加活动。\r\n';
    expect(texts(cleanPlainText(text))).toEqual(['本报济宁讯（通讯员　刘春雷）9月23日，石桥镇举办农民丰收节。', '千余名群众参加活动。']);
  });

  it('keeps a fragment without line breaks exactly as it came', () => {
    expect(texts(cleanPlainText(' 石桥镇 '))).toEqual([' 石桥镇 ']);
    expect(cleanPlainText('')).toEqual([]);
  });
});

describe('the paste command', () => {
  it('a story pasted into an empty editor gets its dateline as a dateline node', () => {
    const h = storyEditor(bodyOf([]));
    h.update(() => $getRoot().selectStart());
    const text = '　　本报济宁讯（通讯员　刘春雷）9月23日，石桥镇举办农民丰收节。\n\n　　千余名群众参加活动。\n';
    const { event, prevented } = pasteEvent({ 'text/plain': text });
    expect(h.dispatch(PASTE_COMMAND, event)).toBe(true);
    expect(prevented()).toBe(true);
    const body = h.body();
    expect(body.root.children.map((b) => b.children.map((c) => c.type).join(','))).toEqual(['dateline,text', 'text']);
    expect(body.root.children[0]!.children[0]).toMatchObject({ type: 'dateline', agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] });
    expect(bodyPlainText(body)).toBe('本报济宁讯（通讯员\u3000刘春雷）9月23日，石桥镇举办农民丰收节。\n千余名群众参加活动。\n');
  });

  it('a Word story that opens with its title keeps the dateline as text (the title is not the first paragraph of the body)', () => {
    const h = storyEditor(bodyOf([]));
    h.update(() => $getRoot().selectStart());
    h.dispatch(PASTE_COMMAND, pasteEvent({ 'text/html': fixture('word.html'), 'text/plain': 'ignored' }).event);
    const body = h.body();
    expect(body.root.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'subhead', 'paragraph', 'paragraph']);
    expect(body.root.children.every((b) => b.styleId === (b.type === 'subhead' ? 'subhead' : 'body'))).toBe(true);
    expect(body.root.children.flatMap((b) => b.children).some((c) => c.type === 'dateline')).toBe(false);
    expect(body.root.children[4]!.children.map((c) => c.type)).toEqual(['text', 'linebreak', 'text']);
  });

  it('a one-paragraph paste joins the paragraph at the caret and keeps its style', () => {
    const h = storyEditor(bodyOf([paragraphNode([textNode('石桥镇举办丰收节。')], 'note')]));
    h.update(() => ($getRoot().getFirstDescendant() as TextNode).select(3, 3));
    h.dispatch(PASTE_COMMAND, pasteEvent({ 'text/html': '<p style="color:red"><b>隆重</b></p>' }).event);
    const body = h.body();
    expect(bodyPlainText(body)).toBe('石桥镇隆重举办丰收节。\n');
    expect(body.root.children[0]!.styleId).toBe('note');
    expect(body.root.children[0]!.children).toEqual([
      expect.objectContaining({ text: '石桥镇', format: 0 }),
      expect.objectContaining({ text: '隆重', format: 1 }),
      expect.objectContaining({ text: '举办丰收节。', format: 0 }),
    ]);
  });

  it('a several-paragraph paste splits the paragraph at the caret, and is one undo step', () => {
    const h = storyEditor(bodyOf([paragraphNode([textNode('开头结尾')])]));
    h.update(() => ($getRoot().getFirstDescendant() as TextNode).select(2, 2));
    h.dispatch(PASTE_COMMAND, pasteEvent({ 'text/plain': '甲段。\n乙段。\n' }).event);
    expect(bodyPlainText(h.body())).toBe('开头甲段。\n乙段。结尾\n');
    h.dispatch(UNDO_COMMAND, undefined);
    expect(bodyPlainText(h.body())).toBe('开头结尾\n');
  });

  it('leaves a copy from another story to rich text (which keeps its nodes), but cleans other Lexical copies', () => {
    const editor = createHeadlessEditor({ namespace: STORY_NAMESPACE, nodes: [...STORY_NODES], onError: (e) => { throw e; } });
    registerPasteCleaning(editor, { parseHtml, namespace: STORY_NAMESPACE });
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
    const lexical = (namespace: string) => ({
      'application/x-lexical-editor': JSON.stringify({ namespace, nodes: [] }),
      'text/plain': '乙',
    });
    let handled: boolean[] = [];
    editor.update(() => {
      handled = [STORY_NAMESPACE, 'some-other-app'].map((ns) => editor.dispatchCommand(PASTE_COMMAND, pasteEvent(lexical(ns)).event));
    }, { discrete: true });
    expect(handled).toEqual([false, true]);
  });
});
