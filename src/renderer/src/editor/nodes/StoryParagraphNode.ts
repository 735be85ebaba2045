import { $getState, $setState, type EditorConfig, type LexicalNode, ParagraphNode, type RangeSelection } from 'lexical';
import { paragraphStyleState } from './styleState';

/**
 * A body paragraph with its paragraph style. It replaces Lexical's ParagraphNode (node replacement), so
 * every paragraph Lexical creates — on Enter, on paste, when the root would be empty — is one of these.
 * Its own serialized type is STORY_PARAGRAPH_TYPE; `bodyFromEditorState` writes it back as 'paragraph'.
 */
export class StoryParagraphNode extends ParagraphNode {
  override $config() {
    return this.config('story-paragraph', {
      extends: ParagraphNode,
      stateConfigs: [{ stateConfig: paragraphStyleState, flat: true }],
    });
  }

  getStyleId(): string {
    return $getState(this, paragraphStyleState);
  }

  setStyleId(styleId: string): this {
    return $setState(this, paragraphStyleState, styleId);
  }

  override createDOM(config: EditorConfig) {
    const dom = super.createDOM(config);
    dom.dataset.styleId = this.getStyleId();
    return dom;
  }

  override updateDOM(prevNode: this, dom: ReturnType<ParagraphNode['createDOM']>, config: EditorConfig): boolean {
    const styleId = this.getStyleId();
    if (prevNode.getStyleId() !== styleId) dom.dataset.styleId = styleId;
    return super.updateDOM(prevNode, dom, config);
  }

  /** Enter keeps the paragraph style, as a word processor does. */
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const next = super.insertNewAfter(selection, restoreSelection);
    if ($isStoryParagraphNode(next)) next.setStyleId(this.getStyleId());
    return next;
  }
}

export const STORY_PARAGRAPH_TYPE = 'story-paragraph';

export function $isStoryParagraphNode(node: LexicalNode | null | undefined): node is StoryParagraphNode {
  return node instanceof StoryParagraphNode;
}
