import { compact, SPACE_CLASS } from './chars';
import { type InterviewByline, parseInterviewByline } from './byline';
import { type ParsedPhotoCredit, parsePhotoCredit, splitTrailingCredit } from './credit';
import { type ParsedDateline, parseDateline } from './dateline';
import { type SourcePara } from './lines';
import { type LocalNote } from './notes';

/** What one source paragraph is, judged from its own text. */
export type ItemKind = 'head' | 'dateline' | 'byline' | 'note' | 'credit' | 'body';

export interface Item {
  kind: ItemKind;
  /** Normalised text (punctuation already full-width). */
  text: string;
  line: number;
  gapBefore: boolean;
  notes: LocalNote[];
  dateline?: ParsedDateline;
  credit?: ParsedPhotoCredit;
  byline?: InterviewByline;
}

const NOTE_RE = new RegExp(`^(编者按|编者的话|编前|编后)${SPACE_CLASS}*[：:]`, 'u');
const HEAD_MAX = 32;

/** A short line with no sentence punctuation: a headline, sub-head or section label. */
export function isHeadCandidate(text: string): boolean {
  const c = compact(text);
  if (c.length < 2 || c.length > HEAD_MAX) return false;
  if (!/\p{Script=Han}/u.test(c)) return false;
  if (/[。；：;:]/u.test(c)) return false;
  if (/[，、,]$/u.test(c)) return false;
  // 转版 lines and bracketed notes are body text.
  if (/^[（(]/u.test(c)) return false;
  return true;
}

/** Lines that start something new and so never continue a paragraph cut by a column break. */
export function opensStructure(text: string): boolean {
  return parseDateline(text) !== null || parsePhotoCredit(text) !== null || NOTE_RE.test(text);
}

export function classify(paras: readonly SourcePara[]): Item[] {
  const items: Item[] = [];
  for (const p of paras) {
    const base = { text: p.text, line: p.line, gapBefore: p.gapBefore, notes: p.notes };
    const credit = parsePhotoCredit(p.text);
    if (credit) {
      items.push({ ...base, kind: 'credit', credit });
      continue;
    }
    if (NOTE_RE.test(p.text)) {
      items.push({ ...base, kind: 'note' });
      continue;
    }
    const dateline = parseDateline(p.text);
    if (dateline) {
      items.push({ ...base, kind: 'dateline', dateline });
      continue;
    }
    const byline = parseInterviewByline(p.text);
    if (byline) {
      items.push({ ...base, kind: 'byline', byline });
      continue;
    }
    if (isHeadCandidate(p.text)) {
      items.push({ ...base, kind: 'head' });
      continue;
    }
    const trailing = splitTrailingCredit(p.text);
    if (trailing) {
      // A caption that carries its credit: the caption is body, the credit follows it.
      const keep = p.notes.filter((n) => n.offset < trailing.caption.length);
      items.push({ ...base, kind: 'body', text: trailing.caption, notes: keep });
      const at = p.text.length - trailing.credit.source.length;
      const creditNotes = p.notes.filter((n) => n.offset >= at).map((n) => ({ ...n, offset: n.offset - at }));
      items.push({ ...base, gapBefore: false, kind: 'credit', text: trailing.credit.source, credit: trailing.credit, notes: creditNotes });
      continue;
    }
    items.push({ ...base, kind: 'body' });
  }
  return items;
}
