import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type ElementNode,
  IS_BOLD,
  type LexicalNode,
} from 'lexical';
import { parseDateline } from '../../../../core/text/dateline';
import { $getDatelineNode, $setDateline } from '../dateline';
import { $createSubheadNode } from '../nodes/SubheadNode';
import { type PastedBlock, type PastedInline } from './blocks';

function $inlineNodes(inlines: PastedInline[]): LexicalNode[] {
  return inlines.map((i) => (i.type === 'linebreak' ? $createLineBreakNode() : $createTextNode(i.text).setFormat(i.bold ? IS_BOLD : 0)));
}

function $blockNode(block: PastedBlock): ElementNode {
  const node = block.kind === 'subhead' ? $createSubheadNode() : $createParagraphNode();
  return node.append(...$inlineNodes(block.inlines));
}

/**
 * A story pasted into an empty editor that opens with a dateline (`本报济宁讯（通讯员\u3000刘春雷）…`)
 * gets a dateline node, as the importer would give it; the rest of the first paragraph stays text.
 */
function $takeDateline(blocks: PastedBlock[]): PastedBlock[] {
  const first = blocks[0];
  const head = first?.inlines[0];
  if (!first || first.kind !== 'paragraph' || head?.type !== 'text' || head.bold) return blocks;
  if ($getRoot().getTextContent() !== '' || $getDatelineNode()) return blocks;
  const parsed = parseDateline(head.text);
  if (!parsed) return blocks;
  const { length: _length, source: _source, ...dateline } = parsed;
  $setDateline(dateline).selectNext();
  const rest = head.text.slice(parsed.length);
  const inlines = rest ? [{ ...head, text: rest }, ...first.inlines.slice(1)] : first.inlines.slice(1);
  return [{ ...first, inlines }, ...blocks.slice(1)];
}

/** Inserts cleaned blocks at the selection: one paragraph joins the paragraph at the caret; more split it. */
export function $insertPastedBlocks(blocks: PastedBlock[]): boolean {
  let selection = $getSelection();
  if (!$isRangeSelection(selection) || blocks.length === 0) return false;
  const rest = $takeDateline(blocks);
  selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const only = rest.length === 1 ? rest[0]! : null;
  if (only && only.kind === 'paragraph') {
    if (only.inlines.length > 0) selection.insertNodes($inlineNodes(only.inlines));
    return true;
  }
  selection.insertNodes(rest.filter((b) => b.inlines.length > 0).map($blockNode));
  return true;
}
