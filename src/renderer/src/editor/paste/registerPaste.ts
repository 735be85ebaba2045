import { $addUpdateTag, COMMAND_PRIORITY_NORMAL, type LexicalEditor, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { cleanHtml, htmlSource, type HtmlNodeLike } from './cleanHtml';
import { cleanPlainText } from './cleanText';
import { $insertPastedBlocks } from './insert';

/** The clipboard as the paste handler reads it (a DataTransfer in the browser). */
export interface ClipboardLike {
  readonly types: ArrayLike<string>;
  getData(format: string): string;
}

export interface PasteOptions {
  /** Parses pasted HTML into an inert document body (DOMParser in the renderer, happy-dom in tests). */
  parseHtml: (html: string) => HtmlNodeLike;
  /** The editor's namespace: a copy from an editor with the same namespace keeps its nodes. */
  namespace: string;
}

const LEXICAL_MIME = 'application/x-lexical-editor';

function fromStoryEditor(data: ClipboardLike, namespace: string): boolean {
  if (!Array.from(data.types).includes(LEXICAL_MIME)) return false;
  try {
    const payload: unknown = JSON.parse(data.getData(LEXICAL_MIME));
    return typeof payload === 'object' && payload !== null && (payload as { namespace?: unknown }).namespace === namespace;
  } catch {
    return false;
  }
}

/** Cleans a clipboard into story nodes at the selection. False when it holds nothing to paste. */
export function $pasteClipboard(data: ClipboardLike, parseHtml: PasteOptions['parseHtml']): boolean {
  const html = data.getData('text/html');
  const blocks = html.trim() ? cleanHtml(parseHtml(html), htmlSource(html)) : cleanPlainText(data.getData('text/plain'));
  return blocks.length > 0 && $insertPastedBlocks(blocks);
}

/**
 * PASTE_COMMAND handler ahead of rich text's own: Word, WPS, web and plain-text pastes are cleaned into
 * story paragraphs. A copy from another story keeps its nodes (rich text inserts them; the dateline
 * rules police where a dateline may land). The clipboard is read at once: a browser empties it when
 * the paste event is over.
 */
export function registerPasteCleaning(editor: LexicalEditor, options: PasteOptions): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const data: ClipboardLike | null = 'clipboardData' in event ? event.clipboardData : null;
      if (!data || fromStoryEditor(data, options.namespace)) return false;
      if (!$pasteClipboard(data, options.parseHtml)) return false;
      $addUpdateTag(PASTE_TAG);
      event.preventDefault();
      return true;
    },
    COMMAND_PRIORITY_NORMAL,
  );
}
