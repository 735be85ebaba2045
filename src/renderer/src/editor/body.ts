import { type LexicalEditor, NODE_STATE_KEY, type SerializedEditorState } from 'lexical';
import { type BodyJSON, BodySchema, bodyOf, paragraphNode } from '../../../core/model/body';
import { STORY_PARAGRAPH_TYPE } from './nodes/StoryParagraphNode';

// The saved body is the model's JSON (src/core/model/body.ts); the editor's own serialized state differs
// in two places, both forced by Lexical:
//  - Lexical allows one class per serialized type and always registers its ParagraphNode, so the
//    replacement class carrying the paragraph style serializes as 'story-paragraph'. Loading needs
//    nothing (Lexical builds the replacement from 'paragraph'); saving renames it back.
//  - A text run's character style is NodeState on Lexical's own TextNode (see nodes/charStyle.ts),
//    which Lexical nests under "$"; the model has it as a top-level `styleId`.

type JsonNode = { type: string; children?: JsonNode[]; [NODE_STATE_KEY]?: Record<string, unknown>; styleId?: unknown; [key: string]: unknown };

function saved(node: JsonNode): JsonNode {
  if (node.type === STORY_PARAGRAPH_TYPE) return { ...node, type: 'paragraph', children: (node.children ?? []).map(saved) };
  if (node.type === 'text') {
    const { [NODE_STATE_KEY]: state, ...rest } = node;
    if (!state) return rest;
    const { styleId, ...other } = state;
    return { ...rest, ...(typeof styleId === 'string' && styleId ? { styleId } : {}), ...(Object.keys(other).length > 0 ? { [NODE_STATE_KEY]: other } : {}) };
  }
  return node.children ? { ...node, children: node.children.map(saved) } : node;
}

function loaded(node: JsonNode): JsonNode {
  if (node.type === 'text') {
    const { styleId, ...rest } = node;
    return typeof styleId === 'string' && styleId ? { ...rest, [NODE_STATE_KEY]: { ...node[NODE_STATE_KEY], styleId } } : rest;
  }
  return node.children ? { ...node, children: node.children.map(loaded) } : node;
}

/** The editor's serialized state as a story body. Throws (with the zod issues) if it is not one. */
export function bodyFromEditorState(state: SerializedEditorState): BodyJSON {
  const parsed = BodySchema.safeParse({ root: saved(state.root as unknown as JsonNode) });
  if (!parsed.success) throw new Error(`编辑器内容不符合稿件正文格式：${parsed.error.message}`);
  return parsed.data;
}

/** A story body as the editor's serialized state; an empty body gets one paragraph to hold the caret. */
export function editorStateFromBody(body: BodyJSON): SerializedEditorState {
  const source = body.root.children.length > 0 ? body : bodyOf([paragraphNode([])]);
  return { root: loaded(source.root as unknown as JsonNode) } as unknown as SerializedEditorState;
}

/** The current body of an editor. */
export function editorBody(editor: LexicalEditor): BodyJSON {
  return bodyFromEditorState(editor.getEditorState().toJSON());
}

/** Replaces the editor's content with `body`. */
export function setEditorBody(editor: LexicalEditor, body: BodyJSON): void {
  editor.setEditorState(editor.parseEditorState(editorStateFromBody(body)));
}
