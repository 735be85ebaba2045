// Character classes shared by import and proofreading. Kept as plain predicates over one UTF-16
// unit or code point so the hot loops of the proofreader stay allocation-free.

/** Han ideographs (CJK Unified + Ext A + compatibility); astral Ext B+ are checked by code point. */
export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

export function isHan(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  return isHanCode(ch.codePointAt(0) ?? 0);
}

/** Full-width and CJK punctuation that counts as "Chinese context" for normalisation. */
const CJK_PUNCT = new Set('，。、：；！？“”‘’（）《》〈〉【】〔〕「」『』—…·～■□●▲');

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && CJK_PUNCT.has(ch);
}

/** Han or CJK punctuation: a neighbour that makes an ASCII mark "Chinese". */
export function isChineseContext(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** Spaces as they come out of word processors and PDF extractors, including no-break and ideographic. */
export const SPACE_CLASS = '[ \\t\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]';
export const SPACE_RE = new RegExp(SPACE_CLASS, 'u');
export const SPACES_RE = new RegExp(`${SPACE_CLASS}+`, 'gu');

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE_RE.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Marks that end a sentence; a line ending in one of these (plus closing quotes) is a finished paragraph. */
export const SENTENCE_END = new Set('。！？!?…；;：:');
export const CLOSERS = new Set('”’）)」』》】"\'');

/** True when `text` ends a sentence, looking through trailing closing quotes and brackets. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.has(text[i]!) || isSpace(text[i]))) i--;
  if (i < 0) return false;
  // A closing quote after a full stop (`…”。` is handled above; `。”` here) still ends it.
  return SENTENCE_END.has(text[i]!);
}

/** Text without any kind of space (for length tests on headline candidates). */
export function compact(text: string): string {
  return text.replace(SPACES_RE, '');
}

/**
 * Calls `f` with each code point of `text`, stopping when it returns false (then the result is false). By index,
 * not `for…of`, which makes a string per character: the desk walks the text of the story being typed on every
 * keystroke.
 */
export function eachCodePoint(text: string, f: (cp: number) => boolean | void): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (f(cp) === false) return false;
  }
  return true;
}

