import { type Item } from './classify';
import { type LocalNote } from './notes';

// Run-in heads (段首小标题, TYPESETTING.md §6.4): a short paragraph-leading sentence in 黑体. They come in
// parallel series, so one alone is not enough evidence; a PDF extraction can also lose the paragraph break
// before one, which shows as a sentence of exactly the same shape inside the paragraph.

/** The clause before the first comma of a run-in head, reduced to its shape. */
export function runInKey(text: string): string | null {
  const stop = text.indexOf('。');
  if (stop < 0 || stop > 24) return null;
  const lead = text.slice(0, stop + 1);
  const commas = lead.split('，').length - 1;
  if (commas !== 1) return null;
  const clause = lead.slice(0, lead.indexOf('，'));
  return clause.includes('、') ? 'enumerated' : 'phrase';
}

/** Shape of a sentence: Han and digits as x, punctuation kept (`“xxxx”，xxxx“xx”xxx。`). */
function shape(sentence: string): string {
  return sentence.replace(/[\p{Script=Han}\d]/gu, 'x');
}

function leadSentence(text: string): string | null {
  return runInKey(text) === null ? null : text.slice(0, text.indexOf('。') + 1);
}

/** Splits paragraphs where a sentence repeats the shape of the paragraph's run-in head. */
export function splitParallelRunIns(paras: Item[]): Item[] {
  const out: Item[] = [];
  for (const p of paras) {
    const lead = p.kind === 'body' ? leadSentence(p.text) : null;
    if (lead === null) {
      out.push(p);
      continue;
    }
    const target = shape(lead);
    let rest = p;
    let from = lead.length;
    while (true) {
      let found = -1;
      for (let i = rest.text.indexOf('。', from); i >= 0 && i + 1 < rest.text.length; i = rest.text.indexOf('。', i + 1)) {
        const next = leadSentence(rest.text.slice(i + 1));
        if (next !== null && shape(next) === target) {
          found = i + 1;
          break;
        }
      }
      if (found < 0) break;
      const head: Item = { ...rest, text: rest.text.slice(0, found), notes: rest.notes.filter((n) => n.offset < found) };
      const tailNotes: LocalNote[] = rest.notes.filter((n) => n.offset >= found).map((n) => ({ ...n, offset: n.offset - found }));
      tailNotes.unshift({ rule: 'runin.split', offset: 0, before: `${rest.text.slice(found - 1, found)}${rest.text.slice(found, found + 1)}`, after: `${rest.text.slice(found - 1, found)}\n${rest.text.slice(found, found + 1)}` });
      out.push(head);
      rest = { ...rest, text: rest.text.slice(found), notes: tailNotes, gapBefore: false };
      from = leadSentence(rest.text)!.length;
    }
    out.push(rest);
  }
  return out;
}

/** Length of the run-in head of each paragraph (0 = none), given the whole story's paragraphs. */
export function runInLengths(paras: readonly Item[]): number[] {
  const leads = paras.map((p) => (p.kind === 'body' ? leadSentence(p.text) : null));
  const count = leads.filter((l) => l !== null).length;
  return leads.map((l) => (l !== null && count >= 2 ? l.length : 0));
}
