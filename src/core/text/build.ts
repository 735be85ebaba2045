import {
  type BlockNodeJSON, type InlineNodeJSON, bodyOf, datelineNode, datelineText, paragraphNode, subheadNode, textNode,
} from '../model/body';
import { type Headline, type ImportNote, type Photo, type Story, StorySchema } from '../model/story';
import { SPACES_RE } from './chars';
import { type LocalNote } from './notes';
import { runInLengths, splitParallelRunIns } from './runin';
import { type Draft } from './segment';

// Drafts become stories built with the model's builders, so an imported story equals what the editor
// saves. Every local decision is re-based onto the field and offset where the editor will see it.

/** Two clauses of a headline or sub-head are separated by one full-width space (TYPESETTING.md §6.3). */
export function headlineText(text: string): { text: string; notes: LocalNote[] } {
  const notes: LocalNote[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SPACES_RE)) {
    out += text.slice(last, m.index);
    if (m[0] !== '\u3000') notes.push({ rule: 'headline.space', offset: out.length, before: m[0], after: '\u3000' });
    out += '\u3000';
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { text: out, notes };
}

type Part = 'kicker' | 'main' | 'sub';

/** 主 / 引+主 / 主+副 (副题 led by ——) / 引+主+副. */
export function headlineParts(heads: readonly { text: string }[]): Part[] {
  if (heads.length === 0) return [];
  if (heads.length === 1) return ['main'];
  const lastIsSub = /^[—–-]{1,2}/u.test(heads[heads.length - 1]!.text);
  if (heads.length === 2) return lastIsSub ? ['main', 'sub'] : ['kicker', 'main'];
  return heads.map((_, i) => (i === 0 ? 'kicker' : i === heads.length - 1 ? 'sub' : 'main'));
}

export interface BuildOptions {
  id: string;
}

function slugOf(headline: Headline, body: string, kind: string): string {
  const main = headline.main.join(' ') || headline.kicker.join(' ') || headline.sub.join(' ');
  const base = main || body.slice(0, 16) || kind;
  return base.replace(/\u3000/g, ' ').slice(0, 100);
}

export function buildStory(d: Draft, options: BuildOptions): Story {
  const notes: ImportNote[] = [];
  const headline: Headline = { kicker: [], main: [], sub: [] };
  const parts = headlineParts(d.heads);
  d.heads.forEach((h, i) => {
    const part = parts[i]!;
    const field = `headline.${part}.${headline[part].length}`;
    const { text, notes: spaceNotes } = headlineText(h.text);
    headline[part].push(text);
    notes.push({ rule: `headline.${part}`, field, offset: 0, before: h.text, after: text });
    for (const n of h.notes) notes.push({ ...n, field });
    for (const n of spaceNotes) notes.push({ ...n, field });
  });
  for (const dec of d.decisions) notes.push({ rule: dec.rule, field: 'story', offset: 0, before: dec.before, after: dec.after });

  let interviewByline = '';
  if (d.byline?.byline) {
    interviewByline = d.byline.byline.text;
    notes.push({ rule: 'byline.interview', field: 'interviewByline', offset: 0, before: d.byline.text, after: interviewByline });
  }

  const paras = splitParallelRunIns(d.paras);
  const runIns = runInLengths(paras);
  const blocks: BlockNodeJSON[] = [];
  let offset = 0;
  paras.forEach((p, index) => {
    const place = (local: LocalNote, shift: (o: number) => number): void => {
      notes.push({ ...local, field: 'body', offset: offset + shift(local.offset) });
    };
    let block: BlockNodeJSON;
    let length: number;
    if (p.kind === 'head') {
      const { text, notes: spaceNotes } = headlineText(p.text);
      block = subheadNode(text);
      length = text.length;
      notes.push({ rule: 'subhead', field: 'body', offset, before: p.text, after: text });
      for (const n of [...p.notes, ...spaceNotes]) place(n, (o) => o);
    } else if (p.kind === 'dateline' && p.dateline) {
      const dl = p.dateline;
      // The suffix is stored only where it is not the one datelineText derives from the agency.
      const derived = dl.agency === '本报' ? '讯' : '电';
      const node = datelineNode({
        agency: dl.agency, place: dl.place, ...(dl.date ? { date: dl.date } : {}), ...(dl.suffix !== derived ? { suffix: dl.suffix } : {}), credits: dl.credits,
      });
      const printed = datelineText(node);
      const rest = p.text.slice(dl.length);
      const children: InlineNodeJSON[] = [node];
      if (rest.length > 0) children.push(textNode(rest));
      block = paragraphNode(children);
      length = printed.length + rest.length;
      // The note shows the dateline as it came in, before its brackets were made full-width.
      const raw = dl.source.split('');
      for (const n of p.notes) if (n.offset < dl.length) raw[n.offset] = n.before;
      notes.push({ rule: 'dateline.parsed', field: 'body', offset, before: raw.join(''), after: printed });
      // Marks inside the dateline are replaced by the parsed dateline as a whole.
      for (const n of p.notes) if (n.offset >= dl.length) place(n, (o) => printed.length + o - dl.length);
    } else if (p.kind === 'note') {
      const colon = p.text.search(/[：:]/u);
      const label = p.text.slice(0, colon + 1);
      block = paragraphNode([textNode(label, { styleId: 'runin' }), textNode(p.text.slice(colon + 1))], 'note');
      length = p.text.length;
      notes.push({ rule: 'note.editor', field: 'body', offset, before: label, after: label });
      for (const n of p.notes) place(n, (o) => o);
    } else {
      const lead = runIns[index] ?? 0;
      const children = lead > 0 ? [textNode(p.text.slice(0, lead), { styleId: 'runin' }), textNode(p.text.slice(lead))] : [textNode(p.text)];
      block = paragraphNode(children.filter((c) => c.text.length > 0));
      length = p.text.length;
      if (lead > 0) notes.push({ rule: 'runin', field: 'body', offset, before: p.text.slice(0, lead), after: p.text.slice(0, lead) });
      for (const n of p.notes) place(n, (o) => o);
    }
    blocks.push(block);
    offset += length + 1;
  });

  const photos: Photo[] = d.photos.map((ph, k) => {
    const captionField = `photos.${k}.caption`;
    let caption = '';
    for (const c of ph.caption) {
      if (caption.length > 0) caption += '\n';
      for (const n of c.notes) notes.push({ ...n, field: captionField, offset: caption.length + n.offset });
      caption += c.text;
    }
    if (caption.length > 0) notes.push({ rule: 'photo.caption', field: captionField, offset: 0, before: caption.slice(0, 20), after: caption.slice(0, 20) });
    const credit = ph.credit?.credit?.text ?? '';
    if (ph.credit) notes.push({ rule: 'photo.credit', field: `photos.${k}.credit`, offset: 0, before: ph.credit.text, after: credit });
    notes.push({ rule: 'photo.awaiting', field: `photos.${k}`, offset: 0, before: '', after: credit || caption.slice(0, 20) });
    return { assetId: null, caption, credit };
  });
  // A photo story is signed by its photographer; a photo beside a report keeps its credit on the photo.
  const bylines = d.kind === '图片新闻' ? d.photos.flatMap((ph) => ph.credit?.credit?.credits ?? []) : [];
  if (d.heads.length === 0 && d.kind !== '编者按') notes.push({ rule: 'headline.none', field: 'headline', offset: 0, before: '', after: '' });

  // In reading order for the review panel: story-level first, then headline, byline, body, photos.
  const rank = (field = 'body'): number => ['story', 'headline', 'interviewByline', 'body', 'photos'].findIndex((f) => field.startsWith(f));
  notes.sort((a, b) => rank(a.field) - rank(b.field) || (a.field ?? '').localeCompare(b.field ?? '') || a.offset - b.offset);
  const plain = paras.map((p) => p.text).join('');
  return StorySchema.parse({
    id: options.id,
    slug: slugOf(headline, plain || photos[0]?.caption || '', d.kind),
    kind: d.kind,
    headline,
    interviewByline,
    bylines,
    body: bodyOf(blocks),
    photos,
    status: '草稿',
    importNotes: notes,
  });
}
