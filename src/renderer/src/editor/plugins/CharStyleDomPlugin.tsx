import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $isTextNode, TextNode } from 'lexical';
import { useEffect } from 'react';
import { $getCharStyle } from '../nodes/charStyle';

/** Mirrors each text run's character style onto its span as data-char-style, for the stylesheet and e2e. */
export function CharStyleDomPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(
        TextNode,
        (mutations) => {
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              if (mutation === 'destroyed') continue;
              const node = $getNodeByKey(key);
              const dom = editor.getElementByKey(key);
              if (!$isTextNode(node) || !dom) continue;
              const styleId = $getCharStyle(node);
              if (styleId) dom.dataset.charStyle = styleId;
              else delete dom.dataset.charStyle;
            }
          });
        },
        { skipInitialization: false },
      ),
    [editor],
  );
  return null;
}
