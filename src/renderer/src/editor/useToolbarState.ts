import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from 'lexical';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $selectedBlocks } from './commands';
import { $getDatelineNode } from './dateline';
import { type Dateline } from './nodes/DatelineNode';
import { $getCharStyle } from './nodes/charStyle';
import { $isStoryParagraphNode } from './nodes/StoryParagraphNode';
import { $isSubheadNode } from './nodes/SubheadNode';

export interface ToolbarState {
  /** Paragraph style of the selected blocks; '' when they differ. */
  paragraphStyle: string;
  /** Character style at the caret; '' when none or mixed. */
  charStyle: string;
  bold: boolean;
  subhead: boolean;
  dateline: Dateline | null;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = { paragraphStyle: '', charStyle: '', bold: false, subhead: false, dateline: null, canUndo: false, canRedo: false };

function $readState(): Omit<ToolbarState, 'canUndo' | 'canRedo'> {
  const selection = $getSelection();
  const blocks = $selectedBlocks();
  const styles = new Set(blocks.map((b) => ($isStoryParagraphNode(b) || $isSubheadNode(b) ? b.getStyleId() : '')));
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
  return {
    paragraphStyle: styles.size === 1 ? [...styles][0]! : '',
    charStyle: $isTextNode(anchor) ? $getCharStyle(anchor) : '',
    bold: $isRangeSelection(selection) && selection.hasFormat('bold'),
    subhead: blocks.length > 0 && blocks.every($isSubheadNode),
    dateline: $getDatelineNode()?.getDateline() ?? null,
  };
}

const sameRead = (a: ToolbarState, b: Omit<ToolbarState, 'canUndo' | 'canRedo'>): boolean =>
  a.paragraphStyle === b.paragraphStyle &&
  a.charStyle === b.charStyle &&
  a.bold === b.bold &&
  a.subhead === b.subhead &&
  (a.dateline === b.dateline || JSON.stringify(a.dateline) === JSON.stringify(b.dateline));

/** What the toolbar shows for the current selection. */
export function useToolbarState(editorArg?: LexicalEditor): ToolbarState {
  const [contextEditor] = useLexicalComposerContext();
  const editor = editorArg ?? contextEditor;
  const [state, setState] = useState<ToolbarState>(INITIAL);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readState);
          // Typing leaves the toolbar as it was: the same state, so the toolbar is not drawn again per keystroke.
          setState((prev) => (sameRead(prev, next) ? prev : { ...prev, ...next }));
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setState((prev) => (prev.canUndo === canUndo ? prev : { ...prev, canUndo })), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setState((prev) => (prev.canRedo === canRedo ? prev : { ...prev, canRedo })), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );
  return state;
}
