import type { BodyJSON, InlineNodeJSON } from './body';
import { datelineText, TEXT_FORMAT } from './body';

// The one pure function between the editor's JSON and the composer: a body becomes paragraphs of
// styled runs with their source offsets. Offsets count UTF-16 units in the body's plain text, where
// each block contributes its text followed by one '\n' (see `bodyPlainText`).

export type RunRole = 'text' | 'dateline' | 'datelineCredit';

export interface ComposerRun {
  readonly text: string;
  /** Character style id from the catalog, if any. */
  readonly styleId?: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly role: RunRole;
  /** Offset of this run's first character in the body's plain text. */
  readonly offset: number;
}

export interface ComposerParagraph {
  readonly kind: 'paragraph' | 'subhead';
  readonly styleId: string;
  readonly runs: readonly ComposerRun[];
  /** Offset of the paragraph's first character in the body's plain text. */
  readonly offset: number;
  /** Index of the block in the body (for incremental recomposition). */
  readonly index: number;
}

function inlineRuns(children: readonly InlineNodeJSON[], start: number): { runs: ComposerRun[]; length: number } {
  const runs: ComposerRun[] = [];
  let offset = start;
  for (const node of children) {
    if (node.type === 'text') {
      if (node.text.length === 0) continue;
      runs.push({
        text: node.text,
        ...(node.styleId ? { styleId: node.styleId } : {}),
        bold: (node.format & TEXT_FORMAT.bold) !== 0,
        italic: (node.format & TEXT_FORMAT.italic) !== 0,
        role: 'text',
        offset,
      });
      offset += node.text.length;
    } else if (node.type === 'linebreak') {
      runs.push({ text: '\n', bold: false, italic: false, role: 'text', offset });
      offset += 1;
    } else {
      // 电头 in 黑体, the bracketed credits in 楷体 (TYPESETTING.md §6.4).
      const full = datelineText(node);
      const bracket = full.indexOf('（');
      const head = bracket < 0 ? full : full.slice(0, bracket);
      runs.push({ text: head, styleId: 'dateline', bold: false, italic: false, role: 'dateline', offset });
      if (bracket >= 0) {
        runs.push({ text: full.slice(bracket), styleId: 'credit', bold: false, italic: false, role: 'datelineCredit', offset: offset + head.length });
      }
      offset += full.length;
    }
  }
  return { runs, length: offset - start };
}

export function bodyToParagraphs(body: BodyJSON): ComposerParagraph[] {
  const out: ComposerParagraph[] = [];
  let offset = 0;
  body.root.children.forEach((block, index) => {
    const { runs, length } = inlineRuns(block.children, offset);
    out.push({ kind: block.type === 'subhead' ? 'subhead' : 'paragraph', styleId: block.styleId, runs, offset, index });
    offset += length + 1;
  });
  return out;
}

/** The body as plain text: blocks joined by '\n' (each block followed by one '\n'). */
export function bodyPlainText(body: BodyJSON): string {
  return bodyToParagraphs(body).map((p) => p.runs.map((r) => r.text).join('') + '\n').join('');
}
