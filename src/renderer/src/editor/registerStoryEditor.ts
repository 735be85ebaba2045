import { type LexicalEditor, mergeRegister } from 'lexical';
import { type StyleCatalog } from '../../../core/model/style';
import { registerStoryCommands } from './commands';
import { registerDatelineRules } from './dateline';
import { registerPasteCleaning, type PasteOptions } from './paste/registerPaste';

/** Namespace of every story editor: copies between stories keep their nodes. */
export const STORY_NAMESPACE = 'yeban-story';

export interface StoryEditorOptions {
  /** The style catalog, read when a style command runs. */
  styles: () => StyleCatalog;
  parseHtml: PasteOptions['parseHtml'];
}

/** Everything a story editor adds to a rich-text Lexical editor; the React plugin and the tests share it. */
export function registerStoryEditor(editor: LexicalEditor, options: StoryEditorOptions): () => void {
  return mergeRegister(
    registerDatelineRules(editor),
    registerStoryCommands(editor, options.styles),
    registerPasteCleaning(editor, { parseHtml: options.parseHtml, namespace: STORY_NAMESPACE }),
  );
}
