import { $getState, $setState, type TextNode } from 'lexical';
import { charStyleState } from './styleState';

// Character styles live in NodeState on Lexical's own TextNode rather than in a TextNode subclass:
// Lexical merges adjacent runs and settles input-method compositions only for nodes of type 'text'
// (a subclass is replaced by a plain TextNode when a composition ends, which would drop the style).
// NodeState is copied when Lexical splits a run and keeps differently styled runs apart.

/** The run's character style id; '' when it has none. */
export function $getCharStyle(node: TextNode): string {
  return $getState(node, charStyleState);
}

export function $setCharStyle<T extends TextNode>(node: T, styleId: string): T {
  return $setState(node, charStyleState, styleId);
}
