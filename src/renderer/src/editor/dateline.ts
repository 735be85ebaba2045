import {
  $createParagraphNode,
  $getRoot,
  $isElementNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  type ElementNode,
  type LexicalEditor,
  mergeRegister,
  SELECTION_CHANGE_COMMAND,
  TextNode,
} from 'lexical';
import { DatelineNodeSchema } from '../../../core/model/body';
import { $createDatelineNode, $isDatelineNode, type Dateline, DatelineNode } from './nodes/DatelineNode';
import { StoryParagraphNode } from './nodes/StoryParagraphNode';

// A story has at most one 电头 and it opens the first paragraph (DESIGN.md §3). Commands put it there;
// the transforms below keep it there whatever editing, paste or undo does around it.

/** The paragraph that hosts the dateline: the first block, made a paragraph if it is not one. */
function $hostParagraph(): ElementNode {
  const root = $getRoot();
  const first = root.getFirstChild();
  if ($isParagraphNode(first)) return first;
  const paragraph = $createParagraphNode();
  if (first) first.insertBefore(paragraph);
  else root.append(paragraph);
  return paragraph;
}

/** The story's dateline node, if it has one in its place. */
export function $getDatelineNode(): DatelineNode | null {
  const first = $getRoot().getFirstChild();
  const head = $isElementNode(first) ? first.getFirstChild() : null;
  return $isDatelineNode(head) ? head : null;
}

/** Validates `d` as the model does; returns the message of the first problem or null. */
export function datelineProblem(d: Dateline): string | null {
  const parsed = DatelineNodeSchema.safeParse({ type: 'dateline', ...d });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || '电头'}：${issue.message}` : '电头格式不对';
}

/** Inserts the dateline at the start of the first paragraph, or updates the one already there. */
export function $setDateline(d: Dateline): DatelineNode {
  const problem = datelineProblem(d);
  if (problem) throw new Error(problem);
  const existing = $getDatelineNode();
  if (existing) return existing.setDateline(d);
  const node = $createDatelineNode(d);
  const host = $hostParagraph();
  const head = host.getFirstChild();
  if (head) head.insertBefore(node);
  else host.append(node);
  return node;
}

export function $removeDateline(): boolean {
  const node = $getDatelineNode();
  if (!node) return false;
  node.remove();
  return true;
}

/** Moves a stray dateline to the start of the first paragraph, or drops it when one is already there. */
function $placeDateline(node: DatelineNode): void {
  const parent = node.getParent();
  if (parent && node.getPreviousSibling() === null && parent.getPreviousSibling() === null && $isParagraphNode(parent)) return;
  const current = $getDatelineNode();
  if (current && current !== node) {
    node.remove();
    return;
  }
  const host = $hostParagraph();
  const head = host.getFirstChild();
  if (head === node) return;
  if (head) head.insertBefore(node);
  else host.append(node);
}

/** A collapsed caret at the very start of the dateline paragraph moves to just after the dateline. */
export function $keepCaretAfterDateline(): void {
  const selection = $getSelection();
  const dateline = $getDatelineNode();
  if (!dateline || !$isRangeSelection(selection) || !selection.isCollapsed()) return;
  const { anchor } = selection;
  const host = dateline.getParentOrThrow();
  if (anchor.type === 'element' && anchor.key === host.getKey() && anchor.offset === 0) dateline.selectNext(0, 0);
}

/**
 * Transforms that keep the dateline at the start of the first paragraph. While an input method is
 * composing they wait: moving nodes around a composition makes the browser re-insert its text. The
 * transforms run again at composition end, when Lexical marks the composed text dirty.
 */
export function registerDatelineRules(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(DatelineNode, (node) => {
      if (editor.isComposing()) return;
      $placeDateline(node);
    }),
    // Text typed in front of the dateline (the composition-end pass included: Lexical marks the composed
    // text dirty) pushes the dateline back to the front.
    editor.registerNodeTransform(TextNode, (text) => {
      if (editor.isComposing()) return;
      const next = text.getNextSibling();
      if ($isDatelineNode(next)) $placeDateline(next);
    }),
    // The caret never rests in front of the dateline, so nothing is typed or composed there at all.
    editor.registerCommand(
      SELECTION_CHANGE_COMMAND,
      () => {
        $keepCaretAfterDateline();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    // A paragraph pushed down (Enter before the dateline, a block pasted above it) takes its dateline
    // with it; the paragraph, not the dateline, is what changed.
    editor.registerNodeTransform(StoryParagraphNode, (paragraph) => {
      if (editor.isComposing()) return;
      const head = paragraph.getFirstChild();
      if ($isDatelineNode(head) && paragraph.getPreviousSibling() !== null) $placeDateline(head);
    }),
  );
}
