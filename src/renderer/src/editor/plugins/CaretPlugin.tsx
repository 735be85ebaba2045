import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { $selectBodyOffset } from '../caret';

/**
 * Puts the caret at `offset` of the body's plain text (a click on the page view) whenever `seq` changes: selects it,
 * focuses the editor and scrolls the line into the middle of the view.
 */
export function CaretPlugin({ caret }: { caret: { offset: number; seq: number } | null }) {
  const [editor] = useLexicalComposerContext();
  const offset = caret?.offset ?? null;
  const seq = caret?.seq ?? null;
  useEffect(() => {
    if (offset === null) return;
    // Focus first: Lexical writes its selection to the DOM only for an editor that has the focus.
    editor.getRootElement()?.focus({ preventScroll: true });
    let key: string | null = null;
    editor.update(
      () => {
        key = $selectBodyOffset(offset);
      },
      {
        onUpdate: () => {
          const el = key === null ? null : editor.getElementByKey(key);
          el?.scrollIntoView({ block: 'center' });
        },
      },
    );
  }, [editor, offset, seq]);
  return null;
}
