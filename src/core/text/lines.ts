import { compact, endsSentence, SPACES_RE } from './chars';
import { type LocalNote } from './notes';

/** One paragraph of source text after line re-joining, with where it came from. */
export interface SourcePara {
  text: string;
  /** 1-based line of the source where the paragraph starts. */
  line: number;
  /** More blank lines than usual before it: in PDF-extracted text a frame or block boundary. */
  gapBefore: boolean;
  notes: LocalNote[];
}

interface Line {
  text: string;
  line: number;
  blanksBefore: number;
}

const LEADING = new RegExp(`^${SPACES_RE.source}`, 'u');
const TRAILING = new RegExp(`${SPACES_RE.source}$`, 'u');

function contentLines(source: string): Line[] {
  const raw = source.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '').split('\n');
  const lines: Line[] = [];
  let blanks = 0;
  raw.forEach((text, i) => {
    // Leading indentation is layout, not copy: the paragraph style sets the indent.
    const trimmed = text.replace(LEADING, '');
    if (trimmed.replace(TRAILING, '').length === 0) {
      blanks++;
      return;
    }
    lines.push({ text: trimmed, line: i + 1, blanksBefore: lines.length === 0 ? 0 : blanks });
    blanks = 0;
  });
  return lines;
}

/** A line that reads as running prose (not a headline, credit or label). */
function isProse(text: string): boolean {
  const c = compact(text);
  return c.length >= 30 || /[，。、；,;]/u.test(c);
}

export interface JoinOptions {
  /** Lines that open a structure (dateline, credit, 编者按 …) never continue the previous paragraph. */
  opensStructure: (line: string) => boolean;
}

/**
 * Splits text into paragraphs. Paragraphs are separated by the usual blank-line pattern of the file
 * (none, or one blank line); more blank lines than that mark a gap. A paragraph that stops mid-sentence
 * followed by prose is a column break of the PDF the text came from: the two are joined without a space,
 * and the join is recorded.
 */
export function splitParagraphs(source: string, options: JoinOptions): SourcePara[] {
  const lines = contentLines(source);
  const separators = lines.slice(1).map((l) => l.blanksBefore);
  // The usual separator is the most frequent one, so headline lines set solid above blank-line-separated
  // paragraphs do not turn every paragraph break into a gap. On a tie one blank line (the common paragraph
  // separator) beats none, and fewer beat more.
  const counts = new Map<number, number>();
  for (const b of separators) counts.set(b, (counts.get(b) ?? 0) + 1);
  const rank = (b: number): number => (b === 0 ? Number.MAX_SAFE_INTEGER : b);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0]?.[0] ?? 0;
  const paras: SourcePara[] = [];
  for (const l of lines) {
    const trailing = TRAILING.exec(l.text);
    const text = trailing ? l.text.slice(0, trailing.index) : l.text;
    const notes: LocalNote[] = trailing ? [{ rule: 'space.trim', offset: text.length, before: trailing[0], after: '' }] : [];
    const gap = paras.length > 0 && l.blanksBefore > usual;
    const prev = paras[paras.length - 1];
    if (prev && !gap && isProse(prev.text) && !endsSentence(prev.text) && isProse(text) && !options.opensStructure(text)) {
      const at = prev.text.length;
      const separator = '\n'.repeat(l.blanksBefore + 1);
      prev.notes.push({ rule: 'join.column-break', offset: at - 1, before: `${prev.text.slice(-1)}${separator}${text.slice(0, 1)}`, after: `${prev.text.slice(-1)}${text.slice(0, 1)}` });
      for (const n of notes) prev.notes.push({ ...n, offset: n.offset + at });
      prev.text += text;
      continue;
    }
    paras.push({ text, line: l.line, gapBefore: gap, notes });
  }
  return paras;
}
