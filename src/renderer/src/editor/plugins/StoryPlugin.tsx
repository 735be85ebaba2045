import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { type StyleCatalog } from '../../../../core/model/style';
import { registerStoryEditor } from '../registerStoryEditor';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

/** The story rules, commands and paste cleaning (registerStoryEditor) for the composer's editor. */
export function StoryPlugin({ styles }: { styles: StyleCatalog }) {
  const [editor] = useLexicalComposerContext();
  const stylesRef = useRef(styles);
  stylesRef.current = styles;
  useEffect(() => registerStoryEditor(editor, { styles: () => stylesRef.current, parseHtml }), [editor]);
  return null;
}
