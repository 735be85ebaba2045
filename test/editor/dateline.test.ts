// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setCompositionKey,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
} from 'lexical';
import { bodyOf, datelineNode, paragraphNode, subheadNode, textNode } from '../../src/core/model/body';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { REMOVE_DATELINE_COMMAND, SET_DATELINE_COMMAND } from '../../src/renderer/src/editor/commands';
import { $getDatelineNode, datelineProblem } from '../../src/renderer/src/editor/dateline';
import { $createDatelineNode, type Dateline } from '../../src/renderer/src/editor/nodes';
import { storyEditor } from './harness';

const LIU: Dateline = { agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] };
const twoParagraphs = () => bodyOf([paragraphNode([textNode('近日，石桥镇举办丰收节。')]), paragraphNode([textNode('第二段。')])]);
const types = (h: ReturnType<typeof storyEditor>) => h.body().root.children.map((b) => `${b.type}:${b.children.map((c) => c.type).join(',')}`);

describe('dateline commands', () => {
  it('inserts the dateline at the start of the first paragraph, wherever the caret is', () => {
    const h = storyEditor(twoParagraphs());
    h.update(() => $getRoot().getLastDescendant()!.selectEnd());
    h.dispatch(SET_DATELINE_COMMAND, LIU);
    expect(bodyPlainText(h.body())).toBe('本报济宁讯（通讯员\u3000刘春雷）近日，石桥镇举办丰收节。\n第二段。\n');
  });

  it('edits the dateline in place instead of adding a second one', () => {
    const h = storyEditor(twoParagraphs());
    h.dispatch(SET_DATELINE_COMMAND, LIU);
    h.dispatch(SET_DATELINE_COMMAND, { agency: '新华社', place: '北京', date: '3月4日', credits: [{ role: '记者', names: ['张三'] }] });
    expect(bodyPlainText(h.body())).toBe('新华社北京3月4日电（记者\u3000张三）近日，石桥镇举办丰收节。\n第二段。\n');
    expect(types(h)[0]).toBe('paragraph:dateline,text');
  });

  it('refuses a dateline the model would reject, and says why', () => {
    const h = storyEditor(twoParagraphs());
    const bad = { ...LIU, agency: '' };
    expect(datelineProblem(bad)).toMatch(/agency/);
    expect(h.dispatch(SET_DATELINE_COMMAND, bad)).toBe(false);
    expect(types(h)[0]).toBe('paragraph:text');
  });

  it('removes the dateline', () => {
    const h = storyEditor(twoParagraphs());
    h.dispatch(SET_DATELINE_COMMAND, LIU);
    expect(h.dispatch(REMOVE_DATELINE_COMMAND, undefined)).toBe(true);
    expect(bodyPlainText(h.body())).toBe('近日，石桥镇举办丰收节。\n第二段。\n');
  });

  it('opens a paragraph above a leading sub-head to hold the dateline', () => {
    const h = storyEditor(bodyOf([subheadNode('小标题'), paragraphNode([textNode('正文')])]));
    h.dispatch(SET_DATELINE_COMMAND, LIU);
    expect(types(h)).toEqual(['paragraph:dateline', 'subhead:text', 'paragraph:text']);
  });

  it('is undone and redone as one step', () => {
    const h = storyEditor(twoParagraphs());
    h.dispatch(SET_DATELINE_COMMAND, LIU);
    h.dispatch(UNDO_COMMAND, undefined);
    expect(types(h)[0]).toBe('paragraph:text');
    h.dispatch(REDO_COMMAND, undefined);
    expect(types(h)[0]).toBe('paragraph:dateline,text');
  });
});

describe('the dateline stays at the start of the first paragraph', () => {
  const withDateline = () => bodyOf([paragraphNode([datelineNode(LIU), textNode('近日。')]), paragraphNode([textNode('第二段。')])]);

  it('text typed before the dateline lands after it', () => {
    const h = storyEditor(withDateline());
    h.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().select(0, 0));
    h.dispatch(CONTROLLED_TEXT_INSERTION_COMMAND, '据悉，');
    expect(types(h)[0]).toMatch(/^paragraph:dateline,/);
    expect(bodyPlainText(h.body())).toBe('本报济宁讯（通讯员\u3000刘春雷）据悉，近日。\n第二段。\n');
  });

  it('Enter before the dateline leaves it in the first paragraph', () => {
    const h = storyEditor(withDateline());
    h.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().select(0, 0));
    h.dispatch(INSERT_PARAGRAPH_COMMAND, undefined);
    expect(types(h)[0]).toMatch(/^paragraph:dateline/);
    expect(h.body().root.children.filter((b) => b.children.some((c) => c.type === 'dateline'))).toHaveLength(1);
  });

  it('a dateline that lands elsewhere moves to the front, a second one is dropped', () => {
    const h = storyEditor(bodyOf([paragraphNode([textNode('甲。')]), paragraphNode([textNode('乙。')])]));
    h.update(() => {
      const second = $getRoot().getChildAtIndex(1);
      if ($isElementNode(second)) second.append($createDatelineNode(LIU));
    });
    expect(types(h)).toEqual(['paragraph:dateline,text', 'paragraph:text']);
    h.update(() => {
      const p = $createParagraphNode().append($createDatelineNode({ agency: '新华社', place: '北京', credits: [] }), $createTextNode('丙。'));
      $getRoot().append(p);
    });
    expect(types(h)).toEqual(['paragraph:dateline,text', 'paragraph:text', 'paragraph:text']);
    expect(bodyPlainText(h.body())).toBe('本报济宁讯（通讯员\u3000刘春雷）甲。\n乙。\n丙。\n');
  });

  it('waits while an input method composes next to it, then puts it back', () => {
    const h = storyEditor(withDateline());
    let composedKey = '';
    h.update(() => {
      const first = $getRoot().getFirstChildOrThrow<ElementNode>();
      const composing = $createTextNode('据');
      first.getFirstChildOrThrow().insertBefore(composing);
      composedKey = composing.getKey();
      $setCompositionKey(composedKey);
    });
    // Mid-composition nothing is moved under the input method's feet.
    expect(types(h)[0]).toBe('paragraph:text,dateline,text');
    h.update(() => {
      $setCompositionKey(null);
      $getRoot().getAllTextNodes().find((t) => t.getKey() === composedKey)?.markDirty();
    });
    expect(types(h)[0]).toBe('paragraph:dateline,text');
    expect(bodyPlainText(h.body())).toBe('本报济宁讯（通讯员　刘春雷）据近日。\n第二段。\n');
    h.editor.read(() => expect($getDatelineNode()).not.toBeNull());
  });
});

describe('the caret and the dateline', () => {
  it('a caret put in front of the dateline is moved just after it', () => {
    const h = storyEditor(bodyOf([paragraphNode([datelineNode(LIU), textNode('近日。')])]));
    h.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().select(0, 0));
    h.dispatch(SELECTION_CHANGE_COMMAND, undefined);
    h.editor.read(() => {
      const selection = $getSelection();
      expect($isRangeSelection(selection) && selection.isCollapsed()).toBe(true);
      if (!$isRangeSelection(selection)) return;
      const point = selection.anchor;
      // Either the paragraph after its first child or the start of the text after the dateline.
      const node = point.getNode();
      const after = point.type === 'element' ? point.offset === 1 : point.offset === 0 && node.getPreviousSibling() !== null;
      expect(after).toBe(true);
    });
    h.dispatch(CONTROLLED_TEXT_INSERTION_COMMAND, '据悉，');
    expect(bodyPlainText(h.body())).toBe('本报济宁讯（通讯员\u3000刘春雷）据悉，近日。\n');
  });
});
