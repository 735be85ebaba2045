import { $getSelection, $isRangeSelection } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyOf, datelineNode, datelineText, paragraphNode, subheadNode, textNode, TEXT_FORMAT, type BodyJSON } from '../../src/core/model/body';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { $selectBodyOffset, bodyPointAt, type InlineSpan } from '../../src/renderer/src/editor/caret';
import { storyEditor } from './harness';

const text = (length: number): InlineSpan => ({ kind: 'text', length });
const dateline = (length: number): InlineSpan => ({ kind: 'dateline', length });
const br: InlineSpan = { kind: 'break', length: 1 };

describe('offset → caret place', () => {
  it('counts each block followed by one newline', () => {
    const blocks = [[text(3)], [text(2)]];
    expect(bodyPointAt(blocks, 0)).toEqual({ type: 'text', block: 0, child: 0, offset: 0 });
    expect(bodyPointAt(blocks, 3)).toEqual({ type: 'text', block: 0, child: 0, offset: 3 });
    // 4 is the first character of the second block (3 characters + its '\n').
    expect(bodyPointAt(blocks, 4)).toEqual({ type: 'text', block: 1, child: 0, offset: 0 });
    expect(bodyPointAt(blocks, 6)).toEqual({ type: 'text', block: 1, child: 0, offset: 2 });
    // Past the end: the end of the last block.
    expect(bodyPointAt(blocks, 99)).toEqual({ type: 'text', block: 1, child: 0, offset: 2 });
  });
  it('puts an offset on the 电头 just after it', () => {
    const blocks = [[dateline(7), text(4)]];
    expect(bodyPointAt(blocks, 0)).toEqual({ type: 'text', block: 0, child: 1, offset: 0 });
    expect(bodyPointAt(blocks, 3)).toEqual({ type: 'text', block: 0, child: 1, offset: 0 });
    expect(bodyPointAt(blocks, 7)).toEqual({ type: 'text', block: 0, child: 1, offset: 0 });
    expect(bodyPointAt(blocks, 9)).toEqual({ type: 'text', block: 0, child: 1, offset: 2 });
    // A 电头 alone in its paragraph: after it is between children.
    expect(bodyPointAt([[dateline(7)]], 5)).toEqual({ type: 'element', block: 0, child: 1 });
  });
  it('skips empty runs and counts a line break as one', () => {
    const blocks = [[text(0), text(2), br, text(3)], []];
    expect(bodyPointAt(blocks, 0)).toEqual({ type: 'text', block: 0, child: 1, offset: 0 });
    expect(bodyPointAt(blocks, 2)).toEqual({ type: 'text', block: 0, child: 1, offset: 2 });
    expect(bodyPointAt(blocks, 3)).toEqual({ type: 'text', block: 0, child: 3, offset: 0 });
    expect(bodyPointAt(blocks, 7)).toEqual({ type: 'element', block: 1, child: 0 });
    expect(bodyPointAt([[br, text(2)]], 0)).toEqual({ type: 'element', block: 0, child: 0 });
    expect(bodyPointAt([], 0)).toBeNull();
  });
});

const DATELINE = { agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] };
const BODY: BodyJSON = bodyOf([
  paragraphNode([datelineNode(DATELINE), textNode('太白湖新区'), textNode('今年', { format: TEXT_FORMAT.bold }), textNode('谋划项目。')]),
  subheadNode('聚力招商'),
  paragraphNode([textNode('第一行'), { type: 'linebreak', version: 1 }, textNode('第二行')]),
  paragraphNode([]),
  paragraphNode([textNode('末段。')]),
]);

/** Selects `offset` in a fresh editor on BODY, types `¤` there and returns the saved body's plain text. */
function typeAt(offset: number): string {
  const h = storyEditor(BODY);
  try {
    h.update(() => {
      $selectBodyOffset(offset);
      const sel = $getSelection();
      if (!$isRangeSelection(sel) || !sel.isCollapsed()) throw new Error('no collapsed caret');
      sel.insertText('¤');
    });
    return bodyPlainText(h.body());
  } finally {
    h.dispose();
  }
}

describe('$selectBodyOffset in a story editor', () => {
  const plain = bodyPlainText(BODY);
  const head = datelineText(DATELINE).length;

  it('puts the caret at every offset the composer counts, after the 电头', () => {
    for (let offset = head; offset < plain.length; offset++) {
      const typed = typeAt(offset);
      expect(typed, `offset ${offset}`).toBe(plain.slice(0, offset) + '¤' + plain.slice(offset));
    }
  });
  it('puts a click on the 电头 right after it', () => {
    for (const offset of [0, 3, head - 1]) expect(typeAt(offset)).toBe(plain.slice(0, head) + '¤' + plain.slice(head));
  });
});
