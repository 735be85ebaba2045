import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { type LexicalCommand, type LexicalEditor, mergeRegister } from 'lexical';
import { type BodyJSON } from '../../src/core/model/body';
import { DEFAULT_STYLES, type StyleCatalog } from '../../src/core/model/style';
import { editorBody, setEditorBody } from '../../src/renderer/src/editor/body';
import { STORY_NODES } from '../../src/renderer/src/editor/nodes';
import { type HtmlNodeLike } from '../../src/renderer/src/editor/paste/cleanHtml';
import { registerStoryEditor, STORY_NAMESPACE } from '../../src/renderer/src/editor/registerStoryEditor';

/** Parses HTML with happy-dom (through Lexical's own headless DOM helper), as DOMParser does in the app. */
export function parseHtml(html: string): HtmlNodeLike {
  return withDOM((window) => new window.DOMParser().parseFromString(html, 'text/html').body as unknown as HtmlNodeLike);
}

export interface Harness {
  editor: LexicalEditor;
  body: () => BodyJSON;
  /** Runs `fn` as one discrete update (committed before it returns). */
  update: (fn: () => void) => void;
  /** Dispatches a command and commits its update before returning what the handler said. */
  dispatch: <P>(command: LexicalCommand<P>, payload: P) => boolean;
  dispose: () => void;
}

/** A headless story editor wired like the app's: rich text, history, and the story editor's rules. */
export function storyEditor(body?: BodyJSON, styles: StyleCatalog = DEFAULT_STYLES): Harness {
  const editor = createHeadlessEditor({
    namespace: STORY_NAMESPACE,
    nodes: [...STORY_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const dispose = mergeRegister(
    registerRichText(editor),
    registerHistory(editor, createEmptyHistoryState(), 0),
    registerStoryEditor(editor, { styles: () => styles, parseHtml }),
  );
  if (body) setEditorBody(editor, body);
  return {
    editor,
    body: () => editorBody(editor),
    update: (fn) => editor.update(fn, { discrete: true }),
    dispatch: (command, payload) => {
      let handled = false;
      editor.update(() => {
        handled = editor.dispatchCommand(command, payload);
      }, { discrete: true });
      return handled;
    },
    dispose,
  };
}
