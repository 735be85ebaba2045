// The only changes the sample issue makes to the reporters' copy (taibaihu-page.md, notes): ASCII
// punctuation that the PDF extraction produced becomes the full-width marks print had, spaces between
// Chinese clauses become U+3000, and words split by a column break are re-joined without adding anything.
// Everything else (wording, repetitions, the odd Latin word or traditional character) stays as printed:
// correcting copy is the editor's call, with the proofreader's help.

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '!': '！', '?': '？' };

/** Han ideographs and CJK punctuation: the context in which ASCII marks are extraction artefacts. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7\u25a0]/u;

const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);

export function normalisePunctuation(text: string): string {
  const chars = [...text];
  return chars
    .map((ch, i) => {
      const before = chars[i - 1];
      const after = chars[i + 1];
      const full = FULL_WIDTH[ch];
      // `16.2`, `2+3+N` and Latin words keep their ASCII: only marks touching Chinese change.
      if (full && (isCjk(before) || isCjk(after))) return full;
      // A space between two Chinese clauses (two-part headlines, quoted activity titles, credits).
      if (ch === ' ' && isCjk(before) && isCjk(after)) return '\u3000';
      return ch;
    })
    .join('');
}

/** Re-joins the pieces of one paragraph that a column break split (`提` + `高认识`): nothing is inserted. */
export function rejoin(...pieces: string[]): string {
  return pieces.join('');
}
