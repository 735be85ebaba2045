import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  $getState,
  $setState,
  type EditorConfig,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';
import { subheadStyleState } from './styleState';

/** 小标题: a heading line inside the story body (serialized type 'subhead', as in the model). */
export class SubheadNode extends ElementNode {
  override $config() {
    return this.config('subhead', {
      extends: ElementNode,
      stateConfigs: [{ stateConfig: subheadStyleState, flat: true }],
    });
  }

  getStyleId(): string {
    return $getState(this, subheadStyleState);
  }

  setStyleId(styleId: string): this {
    return $setState(this, subheadStyleState, styleId);
  }

  override createDOM(config: EditorConfig) {
    const dom = $getDocument().createElement('h3');
    const className = config.theme.subhead;
    if (typeof className === 'string') dom.className = className;
    dom.dataset.styleId = this.getStyleId();
    return dom;
  }

  override updateDOM(prevNode: this, dom: ReturnType<ElementNode['createDOM']>): boolean {
    const styleId = this.getStyleId();
    if (prevNode.getStyleId() !== styleId) dom.dataset.styleId = styleId;
    return false;
  }

  /** Enter at the end of a sub-head starts a body paragraph; in the middle it splits the sub-head. */
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): ParagraphNode | SubheadNode {
    const last = this.getLastDescendant();
    const atEnd = !last || (selection.anchor.key === last.getKey() && selection.anchor.offset === last.getTextContentSize());
    const next = atEnd ? $createParagraphNode() : $createSubheadNode().setStyleId(this.getStyleId());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  /** Backspace at the start turns the sub-head back into a body paragraph. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    paragraph.selectStart();
    return true;
  }
}

export function $createSubheadNode(): SubheadNode {
  return $applyNodeReplacement(new SubheadNode());
}

export function $isSubheadNode(node: LexicalNode | null | undefined): node is SubheadNode {
  return node instanceof SubheadNode;
}
