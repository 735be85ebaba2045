// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { $getRoot, $isTextNode, type ElementNode, CONTROLLED_TEXT_INSERTION_COMMAND, FORMAT_TEXT_COMMAND, INSERT_PARAGRAPH_COMMAND, type TextNode, UNDO_COMMAND } from 'lexical';
import { bodyOf, datelineNode, paragraphNode, subheadNode, textNode, TEXT_FORMAT } from '../../src/core/model/body';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { SET_CHAR_STYLE_COMMAND, SET_PARAGRAPH_STYLE_COMMAND, TOGGLE_SUBHEAD_COMMAND } from '../../src/renderer/src/editor/commands';
import { storyEditor } from './harness';

const body = () => bodyOf([paragraphNode([textNode('石桥镇举办丰收节。')]), paragraphNode([textNode('丰收节上晒丰收')]), paragraphNode([textNode('末段。')])]);
const blockAt = (h: ReturnType<typeof storyEditor>, i: number) => h.body().root.children[i]!;

/** Selects characters [from, to) of the text node holding `text`. */
function selectIn(h: ReturnType<typeof storyEditor>, text: string, from: number, to: number) {
  h.update(() => {
    const node = $getRoot().getAllTextNodes().find((t) => t.getTextContent().includes(text)) as TextNode;
    const start = node.getTextContent().indexOf(text);
    node.select(start + from, start + to);
  });
}

describe('sub-heads', () => {
  it('toggles the caret paragraph into a sub-head and back', () => {
    const h = storyEditor(body());
    selectIn(h, '晒丰收', 0, 0);
    expect(h.dispatch(TOGGLE_SUBHEAD_COMMAND, undefined)).toBe(true);
    expect(blockAt(h, 1)).toMatchObject({ type: 'subhead', styleId: 'subhead' });
    expect(bodyPlainText(h.body())).toBe('石桥镇举办丰收节。\n丰收节上晒丰收\n末段。\n');
    h.dispatch(TOGGLE_SUBHEAD_COMMAND, undefined);
    expect(blockAt(h, 1)).toMatchObject({ type: 'paragraph', styleId: 'body' });
  });

  it('never turns the dateline paragraph into a sub-head', () => {
    const h = storyEditor(bodyOf([paragraphNode([datelineNode({ agency: '本报', place: '', credits: [] }), textNode('甲。')]), paragraphNode([textNode('乙')])]));
    h.update(() => $getRoot().select(0, 2));
    h.dispatch(TOGGLE_SUBHEAD_COMMAND, undefined);
    expect(h.body().root.children.map((b) => b.type)).toEqual(['paragraph', 'subhead']);
  });

  it('Enter at the end of a sub-head starts a body paragraph; Backspace at its start makes it a paragraph', () => {
    const h = storyEditor(bodyOf([subheadNode('小标题'), paragraphNode([textNode('正文')])]));
    selectIn(h, '小标题', 3, 3);
    h.dispatch(INSERT_PARAGRAPH_COMMAND, undefined);
    h.dispatch(CONTROLLED_TEXT_INSERTION_COMMAND, '新段');
    expect(h.body().root.children.map((b) => `${b.type}/${b.styleId}`)).toEqual(['subhead/subhead', 'paragraph/body', 'paragraph/body']);
    expect(bodyPlainText(h.body())).toBe('小标题\n新段\n正文\n');
  });
});

describe('styles from the catalog', () => {
  it('applies a paragraph style to every selected block, and Enter keeps it', () => {
    const h = storyEditor(body());
    h.update(() => $getRoot().select(0, 2));
    expect(h.dispatch(SET_PARAGRAPH_STYLE_COMMAND, 'note')).toBe(true);
    expect([0, 1, 2].map((i) => blockAt(h, i).styleId)).toEqual(['note', 'note', 'body']);
    selectIn(h, '丰收节上晒丰收', 7, 7);
    h.dispatch(INSERT_PARAGRAPH_COMMAND, undefined);
    expect(blockAt(h, 2).styleId).toBe('note');
  });

  it('refuses a style id the catalog does not have', () => {
    const h = storyEditor(body());
    selectIn(h, '石桥镇', 0, 0);
    expect(h.dispatch(SET_PARAGRAPH_STYLE_COMMAND, 'no-such-style')).toBe(false);
    expect(blockAt(h, 0).styleId).toBe('body');
    selectIn(h, '石桥镇', 0, 3);
    expect(h.dispatch(SET_CHAR_STYLE_COMMAND, 'no-such-style')).toBe(false);
  });

  it('applies a character style to exactly the selected characters, and clears it', () => {
    const h = storyEditor(body());
    selectIn(h, '石桥镇举办丰收节。', 0, 3);
    expect(h.dispatch(SET_CHAR_STYLE_COMMAND, 'emphasis')).toBe(true);
    expect(blockAt(h, 0).children).toEqual([
      expect.objectContaining({ type: 'text', text: '石桥镇', styleId: 'emphasis' }),
      expect.not.objectContaining({ styleId: expect.anything() }),
    ]);
    h.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().select(0, 2));
    h.dispatch(SET_CHAR_STYLE_COMMAND, '');
    // Unstyled again, the two runs are one text node.
    expect(blockAt(h, 0).children).toEqual([expect.objectContaining({ text: '石桥镇举办丰收节。' })]);
    expect(blockAt(h, 0).children[0]).not.toHaveProperty('styleId');
  });

  it('a styled run typed into keeps its style; its neighbours do not merge into it', () => {
    const h = storyEditor(bodyOf([paragraphNode([textNode('甲', { styleId: 'emphasis' }), textNode('乙')])]));
    selectIn(h, '甲', 1, 1);
    h.dispatch(CONTROLLED_TEXT_INSERTION_COMMAND, '丙');
    expect(blockAt(h, 0).children).toEqual([
      expect.objectContaining({ text: '甲丙', styleId: 'emphasis' }),
      expect.objectContaining({ text: '乙' }),
    ]);
  });
});

describe('bold', () => {
  it('makes the selected characters bold', () => {
    const h = storyEditor(body());
    selectIn(h, '石桥镇举办丰收节。', 3, 5);
    h.dispatch(FORMAT_TEXT_COMMAND, 'bold');
    expect(blockAt(h, 0).children.map((c) => (c.type === 'text' ? [c.text, c.format] : c.type))).toEqual([['石桥镇', 0], ['举办', TEXT_FORMAT.bold], ['丰收节。', 0]]);
  });

  it('typing after turning bold on at the caret types bold', () => {
    const h = storyEditor(body());
    selectIn(h, '末段。', 3, 3);
    h.dispatch(FORMAT_TEXT_COMMAND, 'bold');
    h.dispatch(CONTROLLED_TEXT_INSERTION_COMMAND, '加粗');
    const last = blockAt(h, 2).children;
    expect(last[last.length - 1]).toMatchObject({ text: '加粗', format: TEXT_FORMAT.bold });
  });

  it('is undone', () => {
    const h = storyEditor(body());
    selectIn(h, '末段。', 0, 2);
    h.dispatch(FORMAT_TEXT_COMMAND, 'bold');
    h.dispatch(UNDO_COMMAND, undefined);
    h.editor.read(() => expect($getRoot().getAllTextNodes().every((t) => $isTextNode(t) && t.getFormat() === 0)).toBe(true));
  });
});
