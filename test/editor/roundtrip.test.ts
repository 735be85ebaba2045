// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { $getRoot, $isElementNode } from 'lexical';
import { BodySchema, bodyOf, datelineNode, paragraphNode, subheadNode, textNode, TEXT_FORMAT, type BodyJSON } from '../../src/core/model/body';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { bodyFromEditorState } from '../../src/renderer/src/editor/body';
import { $getCharStyle, $isDatelineNode, $isStoryParagraphNode, $isSubheadNode } from '../../src/renderer/src/editor/nodes';
import { storyEditor } from './harness';

const sample: BodyJSON = bodyOf([
  paragraphNode([
    datelineNode({ agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] }),
    textNode('近日，太白湖新区'),
    textNode('石桥镇', { format: TEXT_FORMAT.bold }),
    textNode('举办农民丰收节。', { styleId: 'emphasis' }),
  ]),
  subheadNode('丰收节上晒丰收'),
  paragraphNode([textNode('第一行'), { type: 'linebreak', version: 1 }, textNode('第二行', { styleId: 'runin', format: TEXT_FORMAT.bold | TEXT_FORMAT.italic })], 'note'),
  paragraphNode([textNode('末段')]),
]);

describe('story body ⇄ Lexical editor state', () => {
  it('loads every model node into the story node classes', () => {
    const h = storyEditor(sample);
    h.editor.read(() => {
      const [first, sub, note] = $getRoot().getChildren();
      expect($isStoryParagraphNode(first)).toBe(true);
      expect($isSubheadNode(sub)).toBe(true);
      expect($isStoryParagraphNode(note) && note.getStyleId()).toBe('note');
      expect($isElementNode(first) && $isDatelineNode(first.getFirstChild())).toBe(true);
      const emphasis = $getRoot().getAllTextNodes().find((t) => t.getTextContent() === '举办农民丰收节。');
      expect(emphasis && $getCharStyle(emphasis)).toBe('emphasis');
    });
  });

  it('saves exactly the model body it loaded (schema-valid, same plain text, same JSON)', () => {
    const h = storyEditor(sample);
    const saved = h.body();
    expect(BodySchema.parse(saved)).toEqual(saved);
    expect(saved).toEqual(BodySchema.parse(sample));
    expect(bodyPlainText(saved)).toBe(bodyPlainText(BodySchema.parse(sample)));
    expect(bodyPlainText(saved)).toContain('本报济宁讯（通讯员\u3000刘春雷）近日，太白湖新区石桥镇举办农民丰收节。\n丰收节上晒丰收\n');
  });

  it('writes the model names: paragraph and text, with styleId at the top level', () => {
    const h = storyEditor(sample);
    const raw = h.editor.getEditorState().toJSON();
    // Lexical's own form names the replacement paragraph class and nests the character style …
    expect(raw.root.children[0]?.type).toBe('story-paragraph');
    expect(JSON.stringify(raw)).toContain('"$":{"styleId":"emphasis"}');
    // … the saved body has the model's names and fields.
    const saved = bodyFromEditorState(raw);
    const first = saved.root.children[0]!;
    expect(first.type).toBe('paragraph');
    expect(first.styleId).toBe('body');
    expect(first.children.map((c) => c.type)).toEqual(['dateline', 'text', 'text', 'text']);
    expect(first.children[3]).toMatchObject({ type: 'text', styleId: 'emphasis', format: 0 });
    expect(first.children[0]).toEqual({ type: 'dateline', version: 1, agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] });
    expect(saved.root.children[1]).toMatchObject({ type: 'subhead', styleId: 'subhead' });
  });

  it('keeps wire datelines with date and suffix', () => {
    const wire = bodyOf([paragraphNode([datelineNode({ agency: '新华社', place: '北京', date: '3月4日', suffix: '电', credits: [{ role: '记者', names: ['甲', '乙'] }] }), textNode('正文')])]);
    const saved = storyEditor(wire).body();
    expect(saved).toEqual(BodySchema.parse(wire));
    expect(bodyPlainText(saved)).toBe('新华社北京3月4日电（记者\u3000甲\u3000乙）正文\n');
  });

  it('gives an empty body one empty paragraph to type in, and saves it as such', () => {
    const saved = storyEditor(bodyOf([])).body();
    expect(saved.root.children).toEqual([expect.objectContaining({ type: 'paragraph', styleId: 'body', children: [] })]);
  });

  it('refuses editor JSON that is not a story body, naming the problem', () => {
    expect(() => bodyFromEditorState({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'heading', version: 1 }] } } as never)).toThrow(/稿件正文/);
  });
});
