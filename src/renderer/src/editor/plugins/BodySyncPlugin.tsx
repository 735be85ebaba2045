import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type HistoryState } from '@lexical/react/LexicalHistoryPlugin';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND } from 'lexical';
import { useEffect, useRef } from 'react';
import { type BodyJSON } from '../../../../core/model/body';
import { jsonEqual } from '../../../../core/model/json-equal';
import { bodyFromEditorState, editorStateFromBody } from '../body';

/** Update tag of a body loaded from outside (a reload, another revision): it is not an edit. */
const LOAD_TAG = 'yeban-load-body';

/** Every body an editor reported through `onChange`: handed back as the `body` prop, it is what that editor shows. */
const reports = new WeakSet<BodyJSON>();

/** Whether this body object came out of an editor (so passing it back to the editor that made it changes nothing). */
export const isEditorReport = (body: BodyJSON): boolean => reports.has(body);

/**
 * Keeps the editor and the `body` prop in step: every edit is reported through `onChange` as a story
 * body (not while an input method is still composing — the composed text arrives when it commits), and
 * a body passed in that differs from the one last reported replaces the content and starts a fresh history.
 */
export function BodySyncPlugin({ body, onChange, history }: { body: BodyJSON; onChange: (body: BodyJSON) => void; history: HistoryState }) {
  const [editor] = useLexicalComposerContext();
  const reported = useRef<BodyJSON>(body);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(LOAD_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0) || editor.isComposing()) return;
        const next = bodyFromEditorState(editorState.toJSON());
        // An update that leaves the story's body as it was (the editor normalising what it loaded, a
        // format toggled on an empty selection) is not an edit: the story must not turn 'unsaved'.
        if (jsonEqual(next, reported.current)) return;
        reported.current = next;
        reports.add(next);
        onChangeRef.current(next);
      }),
    [editor],
  );

  useEffect(() => {
    // The same body coming back (the parent's state, or a saved copy of it) is not a reload.
    if (body === reported.current || jsonEqual(body, reported.current)) return;
    reported.current = body;
    editor.setEditorState(editor.parseEditorState(editorStateFromBody(body)), { tag: LOAD_TAG });
    history.undoStack = [];
    history.redoStack = [];
    history.current = null;
    editor.dispatchCommand(CAN_UNDO_COMMAND, false);
    editor.dispatchCommand(CAN_REDO_COMMAND, false);
  }, [body, editor, history]);

  return null;
}
