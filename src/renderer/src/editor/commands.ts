import { $forEachSelectedTextNode } from '@lexical/selection';
import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type ElementNode,
  type LexicalCommand,
  type LexicalEditor,
  mergeRegister,
} from 'lexical';
import { type StyleCatalog } from '../../../core/model/style';
import { $removeDateline, $setDateline, datelineProblem } from './dateline';
import { $isDatelineNode, type Dateline } from './nodes/DatelineNode';
import { $isStoryParagraphNode } from './nodes/StoryParagraphNode';
import { $setCharStyle } from './nodes/charStyle';
import { $createSubheadNode, $isSubheadNode } from './nodes/SubheadNode';

// Bold is Lexical's FORMAT_TEXT_COMMAND ('bold'); undo and redo are UNDO_COMMAND / REDO_COMMAND with
// @lexical/history. The commands below are the story editor's own.

/** Insert the 电头, or change the one the story has. */
export const SET_DATELINE_COMMAND: LexicalCommand<Dateline> = createCommand('SET_DATELINE_COMMAND');
export const REMOVE_DATELINE_COMMAND: LexicalCommand<void> = createCommand('REMOVE_DATELINE_COMMAND');
/** Selected blocks become sub-heads, or body paragraphs if they all are sub-heads already. */
export const TOGGLE_SUBHEAD_COMMAND: LexicalCommand<void> = createCommand('TOGGLE_SUBHEAD_COMMAND');
/** Paragraph style id from the catalog for the selected blocks. */
export const SET_PARAGRAPH_STYLE_COMMAND: LexicalCommand<string> = createCommand('SET_PARAGRAPH_STYLE_COMMAND');
/** Character style id from the catalog for the selected text; '' clears it. */
export const SET_CHAR_STYLE_COMMAND: LexicalCommand<string> = createCommand('SET_CHAR_STYLE_COMMAND');

/** The top-level blocks the selection touches, in document order. */
export function $selectedBlocks(): ElementNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const blocks: ElementNode[] = [];
  const seen = new Set<string>();
  const nodes = [selection.anchor.getNode(), ...selection.getNodes(), selection.focus.getNode()];
  for (const node of nodes) {
    const block = node.getTopLevelElement();
    if ($isElementNode(block) && !seen.has(block.getKey())) {
      seen.add(block.getKey());
      blocks.push(block);
    }
  }
  return blocks.sort((a, b) => a.getIndexWithinParent() - b.getIndexWithinParent());
}

function $toggleSubhead(): boolean {
  const blocks = $selectedBlocks();
  if (blocks.length === 0) return false;
  const toParagraph = blocks.every($isSubheadNode);
  for (const block of blocks) {
    // The paragraph that opens with the dateline stays a paragraph: the dateline may live nowhere else.
    if ($isDatelineNode(block.getFirstChild())) continue;
    if (toParagraph) block.replace($createParagraphNode(), true);
    else if (!$isSubheadNode(block)) block.replace($createSubheadNode(), true);
  }
  return true;
}

function $applyParagraphStyle(styleId: string): boolean {
  const blocks = $selectedBlocks();
  for (const block of blocks) {
    if ($isStoryParagraphNode(block) || $isSubheadNode(block)) block.setStyleId(styleId);
  }
  return blocks.length > 0;
}

function $applyCharStyle(styleId: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
  $forEachSelectedTextNode((node) => {
    $setCharStyle(node, styleId);
  });
  return true;
}

/**
 * Registers the story commands. `styles` is read at dispatch time, so a catalog edited while the story
 * is open applies at once; a style id the catalog does not have is refused (the command returns false).
 */
export function registerStoryCommands(editor: LexicalEditor, styles: () => StyleCatalog): () => void {
  const knownParagraph = (id: string) => styles().paragraph.some((s) => s.id === id);
  const knownCharacter = (id: string) => id === '' || styles().character.some((s) => s.id === id);
  return mergeRegister(
    editor.registerCommand(SET_DATELINE_COMMAND, (d) => datelineProblem(d) === null && ($setDateline(d), true), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(REMOVE_DATELINE_COMMAND, () => $removeDateline(), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(TOGGLE_SUBHEAD_COMMAND, () => $toggleSubhead(), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(SET_PARAGRAPH_STYLE_COMMAND, (id) => knownParagraph(id) && $applyParagraphStyle(id), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(SET_CHAR_STYLE_COMMAND, (id) => knownCharacter(id) && $applyCharStyle(id), COMMAND_PRIORITY_EDITOR),
  );
}
