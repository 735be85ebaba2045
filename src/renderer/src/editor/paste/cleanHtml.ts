import { type PastedBlock, type PastedInline } from './blocks';

// Pasted HTML (Word, WPS, web pages) → story blocks. Everything the page brings of its own — classes,
// fonts, colours, sizes, links, images, scripts — is dropped: the story takes its look from the style
// catalog. What is kept: the text exactly as typed (no punctuation or width normalisation, that is the
// proofreader's job), paragraph and sub-head structure, bold, and line breaks that are line breaks.

/** The part of a DOM node the cleaner reads: a browser Node and a happy-dom Node both fit. */
export interface HtmlNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<HtmlNodeLike>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Never copy: scripts and styles, media, form controls, navigation, Word's settings block and shapes. */
const SKIPPED = new Set([
  'script', 'style', 'head', 'title', 'meta', 'link', 'base', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed',
  'svg', 'math', 'canvas', 'img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'area', 'button', 'input', 'select',
  'option', 'textarea', 'nav', 'xml',
]);
/** Word's Office (o:p paragraph-end fillers, o:OLEObject) and VML (v:shape) namespaces carry no copy;
 *  other prefixed tags (st1:chsdate smart tags, w:sdt content controls) wrap real text and are unwrapped. */
const SKIPPED_PREFIX = /^(o|v):/;

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const HEADING = /^h[1-6]$/;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)/i;
const BOLD_WEIGHT = /(?:^|;)\s*font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i;
const PLAIN_WEIGHT = /(?:^|;)\s*font-weight\s*:\s*(normal|lighter|[1-5]00)\b/i;

/** A run of HTML white space that held a newline: the source was wrapped there (Word wraps between
 *  Chinese characters), so it is no space at all between two CJK characters. */
const SOFT = '\uE000';
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Spaces trimmed from the ends of a paragraph: indentation and padding are layout, not copy. */
const EDGE_SPACE = /[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]/u;
const INDENT = /^[ \uE000]*[\u3000\u00a0\t]/u;
const SENTENCE_END = /[。！？!?…][”’」』）)\]】"']*$/u;

type Piece = { text: string; bold: boolean } | 'br';
type Char = { ch: string; bold: boolean };

interface Line {
  chars: Char[];
  indented: boolean;
}

const tagOf = (node: HtmlNodeLike) => node.nodeName.toLowerCase();
const attr = (node: HtmlNodeLike, name: string) => (node.getAttribute ? node.getAttribute(name) : null);

function isHidden(node: HtmlNodeLike): boolean {
  const style = attr(node, 'style') ?? '';
  return attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true' || HIDDEN_STYLE.test(style);
}

function boldness(node: HtmlNodeLike, inherited: boolean): boolean {
  const style = attr(node, 'style') ?? '';
  if (PLAIN_WEIGHT.test(style)) return false; // Google Docs wraps whole documents in <b style="font-weight:normal">
  if (BOLD_WEIGHT.test(style)) return true;
  const tag = tagOf(node);
  return inherited || tag === 'b' || tag === 'strong';
}

function normaliseLine(pieces: Piece[]): Line {
  const raw: Char[] = [];
  for (const p of pieces) if (p !== 'br') for (const ch of p.text) raw.push({ ch, bold: p.bold });
  const indented = INDENT.test(raw.map((c) => c.ch).join(''));
  const chars: Char[] = [];
  raw.forEach((c, i) => {
    if (c.ch === SOFT) {
      const before = chars[chars.length - 1]?.ch;
      const after = raw.slice(i + 1).find((n) => n.ch !== SOFT && n.ch !== ' ')?.ch;
      if (before && after && CJK.test(before) && CJK.test(after)) return;
      c = { ch: ' ', bold: c.bold };
    }
    // HTML collapses runs of white space into one space, across element boundaries too.
    if (c.ch === ' ' && chars[chars.length - 1]?.ch === ' ') return;
    chars.push(c);
  });
  while (chars.length > 0 && EDGE_SPACE.test(chars[0]!.ch)) chars.shift();
  while (chars.length > 0 && EDGE_SPACE.test(chars[chars.length - 1]!.ch)) chars.pop();
  return { chars, indented };
}

function runs(chars: Char[]): PastedInline[] {
  const out: PastedInline[] = [];
  for (const c of chars) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && last.bold === c.bold) last.text += c.ch;
    else out.push({ type: 'text', text: c.ch, bold: c.bold });
  }
  return out;
}

const textOf = (line: Line) => line.chars.map((c) => c.ch).join('');

/** Where pasted HTML came from: Word (and WPS) mark paragraphs with <p>, so a <br> there is the writer's
 *  own line break (Shift+Enter); web pages often separate paragraphs with <br> alone. */
export type HtmlSource = 'word' | 'web';

/** Word's clipboard HTML names its Office namespaces and Mso classes. */
export function htmlSource(html: string): HtmlSource {
  return /urn:schemas-microsoft-com:office|class=["']?Mso|<o:p>|mso-[a-z-]+\s*:/i.test(html) ? 'word' : 'web';
}

/**
 * One HTML block's lines → paragraphs. A `<br>` is a paragraph break when the copy uses it that way —
 * `<br><br>` between paragraphs, or lines indented with full-width or no-break spaces — and, in web
 * copy, when it follows the end of a sentence; otherwise it is a line break inside the paragraph
 * (addresses, verse, 记者：X / 编辑：Y).
 */
function blocksFromLines(lines: Line[], kind: PastedBlock['kind'], source: HtmlSource): PastedBlock[] {
  const content = lines.map((l) => l.chars.length > 0);
  const first = content.indexOf(true);
  const last = content.lastIndexOf(true);
  if (first < 0) return [];
  const inner = lines.slice(first, last + 1);
  const brIsParagraph = inner.some((l, i) => i > 0 && (l.chars.length === 0 || l.indented));
  const blocks: PastedBlock[] = [];
  let current: PastedInline[] = [];
  let previous: Line | null = null;
  const flush = () => {
    if (current.length > 0) blocks.push({ kind, inlines: current });
    current = [];
  };
  for (const line of inner) {
    if (line.chars.length === 0) {
      flush();
      previous = null;
      continue;
    }
    if (previous) {
      if (brIsParagraph || (source === 'web' && SENTENCE_END.test(textOf(previous)))) flush();
      else current.push({ type: 'linebreak' });
    }
    current.push(...runs(line.chars));
    previous = line;
  }
  flush();
  return blocks;
}

class Collector {
  readonly blocks: PastedBlock[] = [];
  private pieces: Piece[] = [];
  private readonly kinds: PastedBlock['kind'][] = ['paragraph'];

  constructor(private readonly source: HtmlSource) {}

  text(text: string, bold: boolean): void {
    this.pieces.push({ text, bold });
  }

  br(): void {
    this.pieces.push('br');
  }

  open(kind: PastedBlock['kind'] | null): void {
    this.flush();
    this.kinds.push(kind ?? this.kinds[this.kinds.length - 1]!);
  }

  close(): void {
    this.flush();
    this.kinds.pop();
  }

  flush(): void {
    const lines: Piece[][] = [[]];
    for (const p of this.pieces) {
      if (p === 'br') lines.push([]);
      else lines[lines.length - 1]!.push(p);
    }
    this.pieces = [];
    this.blocks.push(...blocksFromLines(lines.map(normaliseLine), this.kinds[this.kinds.length - 1]!, this.source));
  }
}

function walk(node: HtmlNodeLike, bold: boolean, pre: boolean, out: Collector): void {
  if (node.nodeType === TEXT || node.nodeType === CDATA) {
    const value = node.nodeValue ?? '';
    if (pre) {
      value.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
        if (i > 0) out.br();
        out.text(line, bold);
      });
    } else {
      out.text(value.replace(/[ \t\n\r\f]+/g, (ws) => (/[\n\r]/.test(ws) ? SOFT : ' ')), bold);
    }
    return;
  }
  if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return; // comments, doctype …
  const tag = tagOf(node);
  if (node.nodeType === ELEMENT && (SKIPPED.has(tag) || SKIPPED_PREFIX.test(tag) || isHidden(node))) return;
  if (tag === 'br') {
    out.br();
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) out.open(HEADING.test(tag) ? 'subhead' : null);
  const childBold = node.nodeType === ELEMENT ? boldness(node, bold) : bold;
  const childPre = pre || tag === 'pre';
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, childBold, childPre, out);
  if (block) out.close();
}

/** Cleans a parsed HTML body (or document, or fragment) into story blocks. */
export function cleanHtml(root: HtmlNodeLike, source: HtmlSource = 'web'): PastedBlock[] {
  const out = new Collector(source);
  walk(root, false, false, out);
  out.flush();
  return out.blocks;
}
