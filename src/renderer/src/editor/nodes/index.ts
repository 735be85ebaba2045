import { type Klass, type LexicalNode, type LexicalNodeReplacement, ParagraphNode } from 'lexical';
import { DatelineNode } from './DatelineNode';
import { StoryParagraphNode } from './StoryParagraphNode';
import { SubheadNode } from './SubheadNode';

/** Every node class a story editor registers (headless tests use the same list). */
export const STORY_NODES: ReadonlyArray<Klass<LexicalNode> | LexicalNodeReplacement> = [
  StoryParagraphNode,
  { replace: ParagraphNode, with: () => new StoryParagraphNode(), withKlass: StoryParagraphNode },
  SubheadNode,
  DatelineNode,
];

export { $createDatelineNode, $isDatelineNode, DatelineNode, type Dateline } from './DatelineNode';
export { $isStoryParagraphNode, STORY_PARAGRAPH_TYPE, StoryParagraphNode } from './StoryParagraphNode';
export { $getCharStyle, $setCharStyle } from './charStyle';
export { $createSubheadNode, $isSubheadNode, SubheadNode } from './SubheadNode';
