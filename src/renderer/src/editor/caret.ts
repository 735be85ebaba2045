import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode, type LexicalNode } from 'lexical';
import { type StoryField } from '../../../core/display/types';
import { $isDatelineNode } from './nodes';

// A click on the page names a character by (field, offset) in the story's plain text as the composer counts it
// (src/core/model/compose-input.ts): each block's text followed by one '\n'; a text run counts its UTF-16 units,
// a line break one, the 电头 the length of its printed text (datelineText). This file turns such an offset back
// into a place in the Lexical tree.

/** Where the caret should go in an opened story, as the page view's hit test named it. */
export interface StoryCaret {
  readonly field: StoryField;
  readonly offset: number;
  /** For photo captions and credits: which photo. */
  readonly index?: number;
  /** A fresh number per click, so a second click on the same character still moves the caret there. */
  readonly seq: number;
}

/** One inline child of a block, as far as counting goes: text (has a caret inside), a line break, or the 电头. */
export type InlineSpan = { readonly kind: 'text' | 'break' | 'dateline'; readonly length: number };

/** A caret place: inside text child `child` at `offset`, or between children (before child `child`) of block `block`. */
export type BodyPoint =
  | { readonly type: 'text'; readonly block: number; readonly child: number; readonly offset: number }
  | { readonly type: 'element'; readonly block: number; readonly child: number };

/**
 * The caret place for `offset` in the plain text of `blocks`. An offset on the 电头 lands right after it (the editor
 * keeps every character after the 电头, dateline.ts); an offset on a block's '\n' lands at that block's end; past
 * the end, at the end of the last block.
 */
export function bodyPointAt(blocks: readonly (readonly InlineSpan[])[], offset: number): BodyPoint | null {
  if (blocks.length === 0) return null;
  let pos = 0;
  for (let b = 0; b < blocks.length; b++) {
    const children = blocks[b]!;
    const length = children.reduce((n, c) => n + c.length, 0);
    if (offset > pos + length && b < blocks.length - 1) {
      pos += length + 1;
      continue;
    }
    let local = Math.max(0, Math.min(offset - pos, length));
    for (let c = 0; c < children.length; c++) {
      const span = children[c]!;
      if (span.kind === 'text') {
        // Empty text runs count for nothing (the composer skips them); the caret goes to a later child.
        if (span.length > 0 && local <= span.length) return { type: 'text', block: b, child: c, offset: local };
        local -= span.length;
      } else {
        if (local === 0 && span.kind === 'break') return { type: 'element', block: b, child: c };
        local = Math.max(0, local - span.length);
        if (local === 0) {
          const next = children[c + 1];
          return next?.kind === 'text' && next.length > 0 ? { type: 'text', block: b, child: c + 1, offset: 0 } : { type: 'element', block: b, child: c + 1 };
        }
      }
    }
    return { type: 'element', block: b, child: children.length };
  }
  return null;
}

function spanOf(node: LexicalNode): InlineSpan {
  if ($isTextNode(node)) return { kind: 'text', length: node.getTextContentSize() };
  if ($isDatelineNode(node)) return { kind: 'dateline', length: node.getTextContent().length };
  return { kind: 'break', length: $isLineBreakNode(node) ? 1 : node.getTextContentSize() };
}

/**
 * Inside an editor update: puts a collapsed selection at `offset` of the body's plain text. Returns the key of the
 * node the caret is in (to scroll it into view), or null for an empty editor.
 */
export function $selectBodyOffset(offset: number): string | null {
  const blocks = $getRoot().getChildren().filter($isElementNode) as ElementNode[];
  const point = bodyPointAt(blocks.map((b) => b.getChildren().map(spanOf)), offset);
  if (!point) return null;
  const block = blocks[point.block]!;
  if (point.type === 'text') {
    const node = block.getChildAtIndex(point.child);
    if ($isTextNode(node)) {
      node.select(point.offset, point.offset);
      return node.getKey();
    }
  }
  block.select(point.child, point.child);
  return block.getKey();
}
