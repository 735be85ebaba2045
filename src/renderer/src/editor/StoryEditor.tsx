import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { createEmptyHistoryState, HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { memo, useEffect, useState } from 'react';
import { type BodyJSON } from '../../../core/model/body';
import { type StyleCatalog } from '../../../core/model/style';
import { editorStateFromBody } from './body';
import { STORY_NODES } from './nodes';
import { BodySyncPlugin, isEditorReport } from './plugins/BodySyncPlugin';
import { CaretPlugin } from './plugins/CaretPlugin';
import { CharStyleDomPlugin } from './plugins/CharStyleDomPlugin';
import { ReadOnlyPlugin } from './plugins/ReadOnlyPlugin';
import { StoryPlugin } from './plugins/StoryPlugin';
import { STORY_NAMESPACE } from './registerStoryEditor';
import { StoryToolbar } from './StoryToolbar';
import { STORY_THEME } from './theme';
import { useEditorText } from './useEditorText';

export interface StoryEditorProps {
  /** The story body (Lexical JSON as the model stores it). A body that is not the last one reported
   *  through onChange replaces the content (and the undo history). */
  body: BodyJSON;
  /** The style catalog: the toolbar offers its paragraph and character styles. */
  styles: StyleCatalog;
  readOnly: boolean;
  /** Every edit, as a body that validates against BodySchema. */
  onChange(body: BodyJSON): void;
  /** Where to put the caret (offset in the body's plain text, as the composer counts it); a new `seq` moves it again. */
  caret?: { offset: number; seq: number } | null;
}

/**
 * The story body editor: Lexical rich text with the story's nodes (paragraph with style, text with
 * character style and bold, 电头, 小标题, line break), history, paste cleaning and the toolbar.
 * Mount it keyed by story id so each story gets its own editor and history.
 */
export const StoryEditor = memo(function StoryEditor({ body, styles, readOnly, onChange, caret = null }: StoryEditorProps) {
  // The editor's web fonts (some 400 KB of @font-face rules) load when an editor first opens, not before the
  // app's first page: nothing else on screen uses them.
  useEffect(() => void import('../editor-fonts'), []);
  const et = useEditorText();
  const [history] = useState(createEmptyHistoryState);
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: STORY_NAMESPACE,
    nodes: [...STORY_NODES],
    theme: STORY_THEME,
    editable: !readOnly,
    editorState: JSON.stringify(editorStateFromBody(body)),
    onError: (error: Error) => {
      // An editor bug must not lose the story: report it and keep the last good state.
      console.error('[story-editor]', error);
    },
  }));

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="story-editor" data-testid="story-editor" data-readonly={readOnly ? 'true' : 'false'}>
        <StoryToolbar styles={styles} readOnly={readOnly} />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="story-editor__content"
              data-testid="story-editor-content"
              aria-label={et('editor.label')}
              aria-placeholder={et('editor.placeholder')}
              placeholder={<div className="story-editor__placeholder">{et('editor.placeholder')}</div>}
              spellCheck={false}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin externalHistoryState={history} />
        <StoryPlugin styles={styles} />
        <CharStyleDomPlugin />
        <ReadOnlyPlugin readOnly={readOnly} />
        <BodySyncPlugin body={body} onChange={onChange} history={history} />
        <CaretPlugin caret={caret} />
      </div>
    </LexicalComposer>
  );
},
// A body the editor itself reported is what it shows already: a keystroke's story coming back down is not drawn
// again (the toolbar, the plugins). Any other body is a reload (BodySyncPlugin).
(a, b) => a.styles === b.styles && a.readOnly === b.readOnly && a.onChange === b.onChange && a.caret === b.caret && (a.body === b.body || isEditorReport(b.body)));
