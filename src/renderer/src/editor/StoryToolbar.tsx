import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useState } from 'react';
import { type StyleCatalog } from '../../../core/model/style';
import { REMOVE_DATELINE_COMMAND, SET_CHAR_STYLE_COMMAND, SET_DATELINE_COMMAND, SET_PARAGRAPH_STYLE_COMMAND, TOGGLE_SUBHEAD_COMMAND } from './commands';
import { DatelineForm } from './DatelineForm';
import { useEditorText } from './useEditorText';
import { useToolbarState } from './useToolbarState';

/** Paragraph and character style from the catalog, bold, sub-head, dateline, undo and redo. */
export function StoryToolbar({ styles, readOnly }: { styles: StyleCatalog; readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const et = useEditorText();
  const state = useToolbarState();
  const [datelineOpen, setDatelineOpen] = useState(false);

  return (
    <div className="story-toolbar" role="toolbar" aria-label={et('toolbar.label')} data-testid="story-toolbar">
      <label>
        {et('toolbar.paragraphStyle')}
        <select
          data-testid="story-paragraph-style"
          disabled={readOnly}
          value={state.paragraphStyle}
          onChange={(e) => editor.dispatchCommand(SET_PARAGRAPH_STYLE_COMMAND, e.target.value)}
        >
          {state.paragraphStyle === '' && <option value="" disabled />}
          {styles.paragraph.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {et('toolbar.charStyle')}
        <select
          data-testid="story-char-style"
          disabled={readOnly}
          value={state.charStyle}
          onChange={(e) => editor.dispatchCommand(SET_CHAR_STYLE_COMMAND, e.target.value)}
        >
          <option value="">{et('toolbar.charStyleNone')}</option>
          {styles.character.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="story-bold"
        aria-pressed={state.bold}
        disabled={readOnly}
        title={`${et('toolbar.bold')} (Ctrl+B)`}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        {et('toolbar.bold')}
      </button>
      <button
        type="button"
        data-testid="story-subhead"
        aria-pressed={state.subhead}
        disabled={readOnly}
        onClick={() => editor.dispatchCommand(TOGGLE_SUBHEAD_COMMAND, undefined)}
      >
        {et('toolbar.subhead')}
      </button>
      <button type="button" data-testid="story-dateline-button" aria-expanded={datelineOpen} disabled={readOnly} onClick={() => setDatelineOpen((o) => !o)}>
        {et('toolbar.dateline')}
      </button>
      <button type="button" data-testid="story-undo" disabled={readOnly || !state.canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        {et('toolbar.undo')}
      </button>
      <button type="button" data-testid="story-redo" disabled={readOnly || !state.canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        {et('toolbar.redo')}
      </button>
      {datelineOpen && !readOnly && (
        <DatelineForm
          initial={state.dateline}
          onSave={(d) => {
            editor.dispatchCommand(SET_DATELINE_COMMAND, d);
            setDatelineOpen(false);
          }}
          onRemove={() => {
            editor.dispatchCommand(REMOVE_DATELINE_COMMAND, undefined);
            setDatelineOpen(false);
          }}
          onCancel={() => setDatelineOpen(false)}
        />
      )}
    </div>
  );
}
