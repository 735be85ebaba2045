import { opensStructure } from '../../../../core/text/classify';
import { splitParagraphs } from '../../../../core/text/lines';
import { type PastedBlock } from './blocks';

/**
 * Plain text → story paragraphs, split the way the importer splits a correspondent's file (blank-line
 * or line-per-paragraph copy, leading indentation dropped, PDF column breaks re-joined). Text without a
 * line break is a fragment typed into the current paragraph and is kept exactly as it came.
 */
export function cleanPlainText(text: string): PastedBlock[] {
  if (!/[\r\n]/.test(text)) return text.length > 0 ? [{ kind: 'paragraph', inlines: [{ type: 'text', text, bold: false }] }] : [];
  return splitParagraphs(text, { opensStructure }).map((p) => ({ kind: 'paragraph', inlines: [{ type: 'text', text: p.text, bold: false }] }));
}
