import { type StoryKind } from '../model/story';
import { type Item } from './classify';
import { runInKey } from './runin';

// Groups classified paragraphs into stories. The text may come in reading order (a correspondent's
// file) or in the column order of a PDF extraction, where headlines can precede several bodies and a
// body can precede its headline. Only structure decides: datelines open stories, interview bylines and
// 编者按 open stories, photo credits close captions, blank-line gaps separate blocks.

export interface DraftPhoto {
  caption: Item[];
  credit: Item | null;
}

export interface Draft {
  kind: StoryKind;
  /** Headline lines in source order (parts are assigned when the story is built). */
  heads: Item[];
  byline: Item | null;
  /** Body paragraphs; items of kind 'head' here are sub-heads. */
  paras: Item[];
  photos: DraftPhoto[];
  /** Story-level decisions (headline distribution, moved paragraphs …). */
  decisions: { rule: string; before: string; after: string }[];
}

export interface DraftSection {
  kind: 'banner' | 'label';
  title: Item;
  drafts: Draft[];
}

export interface Segmentation {
  drafts: Draft[];
  sections: DraftSection[];
}

function draft(kind: StoryKind, heads: Item[], paras: Item[] = []): Draft {
  return { kind, heads, byline: null, paras, photos: [], decisions: [] };
}

/** Index of the first item from `from` that is not plain body. */
function endOfBody(items: readonly Item[], from: number): number {
  let j = from;
  while (j < items.length && items[j]!.kind === 'body') j++;
  return j;
}

/** Datelines ahead before the next headline, byline, note or credit. */
function datelinesAhead(items: readonly Item[], from: number): number {
  let count = 0;
  for (let j = from; j < items.length; j++) {
    const k = items[j]!.kind;
    if (k === 'dateline') count++;
    else if (k !== 'body') break;
  }
  return count;
}

/**
 * Pending headline lines split at the last gap: what stands before a gap is a section label over what
 * follows (学雷锋树新风 above its stories), what comes after is the headline.
 */
function takeLabels(pending: Item[]): { labels: Item[]; heads: Item[] } {
  let cut = 0;
  pending.forEach((item, i) => {
    if (i > 0 && item.gapBefore) cut = i;
  });
  return { labels: pending.slice(0, cut), heads: pending.slice(cut) };
}

export function segment(items: readonly Item[]): Segmentation {
  const drafts: Draft[] = [];
  const sections: DraftSection[] = [];
  let pending: Item[] = [];
  /** Headlines extracted ahead of their bodies, waiting for the datelines that follow. */
  let reserved: Item[] = [];
  // Set inside `open` too, so it is declared wide for the checker.
  let current = null as Draft | null;

  const open = (d: Draft): Draft => {
    const { labels, heads } = takeLabels(d.heads);
    d.heads = heads;
    for (const title of labels) sections.push({ kind: 'label', title, drafts: [] });
    drafts.push(d);
    current = d;
    return d;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const cur: Draft | null = current;
    switch (item.kind) {
      case 'head': {
        const next = items[i + 1];
        const body = cur !== null && cur.paras.some((p) => p.kind !== 'head') && cur.photos.length === 0;
        const followedByText = next !== undefined && next.kind === 'body' && !next.gapBefore;
        const captionAhead = items[endOfBody(items, i + 1)]?.kind === 'credit';
        if (body && pending.length === 0 && !item.gapBefore && followedByText && !captionAhead) {
          cur.paras.push(item);
        } else {
          pending.push(item);
        }
        break;
      }
      case 'note': {
        const banner = pending.pop();
        if (banner) sections.push({ kind: 'banner', title: banner, drafts: [] });
        open(draft('编者按', pending, [item]));
        pending = [];
        break;
      }
      case 'byline': {
        const d = open(draft('专访', pending));
        d.byline = item;
        pending = [];
        break;
      }
      case 'dateline': {
        if (reserved.length > 0 && pending.length === 0) {
          open(draft('消息', [reserved.shift()!], [item]));
          break;
        }
        reserved = [];
        const ahead = datelinesAhead(items, i);
        const { heads } = takeLabels(pending);
        if (heads.length > 1 && ahead >= heads.length) {
          // Column order: the headlines of several stories were extracted before their bodies.
          const labels = pending.slice(0, pending.length - heads.length);
          const d = open(draft('消息', [...labels, heads[0]!], [item]));
          d.decisions.push({ rule: 'headline.distributed', before: heads.map((h) => h.text).join(' / '), after: heads[0]!.text });
          reserved = heads.slice(1);
          pending = [];
        } else {
          open(draft('消息', pending, [item]));
          pending = [];
        }
        break;
      }
      case 'credit': {
        if (pending.length > 0) {
          const d = open(draft('图片新闻', pending));
          d.photos.push({ caption: [], credit: item });
          pending = [];
        } else if (cur && cur.kind === '图片新闻' && cur.photos.length === 0) {
          cur.photos.push({ caption: cur.paras, credit: item });
          cur.paras = [];
        } else if (cur) {
          cur.photos.push({ caption: [], credit: item });
          cur.decisions.push({ rule: 'photo.attached', before: item.text, after: '' });
        } else {
          const d = open(draft('图片新闻', []));
          d.photos.push({ caption: [], credit: item });
        }
        break;
      }
      case 'body': {
        if (pending.length > 0 || cur === null || item.gapBefore) {
          const captionAhead = items[endOfBody(items, i)]?.kind === 'credit';
          open(draft(captionAhead ? '图片新闻' : '通讯', pending, [item]));
          pending = [];
        } else {
          cur.paras.push(item);
        }
        break;
      }
    }
  }
  // Headlines left at the end have no text: keep them as a story so nothing is lost.
  pending = [...reserved, ...pending];
  if (pending.length > 0) open(draft('通讯', pending));

  moveBodiesBeforeHeadlines(drafts);
  assignSections(sections, drafts);
  return { drafts, sections };
}

/**
 * A headline (with its byline) that has no text of its own follows text that belongs to it: in column
 * order the body came first. Move the trailing paragraphs of the previous story of the same kind,
 * splitting where the shape of the run-in heads changes (parallel heads belong to one article), else in
 * the middle by length.
 */
function moveBodiesBeforeHeadlines(drafts: Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i]!;
    const prev = drafts[i - 1]!;
    if (d.paras.length > 0 || d.photos.length > 0 || d.heads.length === 0) continue;
    if (prev.kind !== d.kind || prev.paras.length < 2) continue;
    const body = prev.paras;
    const keys = body.map((p) => runInKey(p.text));
    let cut = -1;
    for (let j = body.length - 1; j > 0; j--) {
      const key = keys[j];
      if (key === null || keys.slice(j).some((k) => k !== key)) break;
      if (keys[j - 1] !== key) {
        cut = j;
        break;
      }
    }
    if (cut < 0) {
      const total = body.reduce((n, p) => n + p.text.length, 0);
      let acc = 0;
      cut = body.findIndex((p) => (acc += p.text.length) >= total / 2) + 1;
      cut = Math.min(Math.max(cut, 1), body.length - 1);
    }
    d.paras = body.slice(cut);
    prev.paras = body.slice(0, cut);
    d.decisions.push({ rule: 'segment.body-before-headline', before: d.paras[0]!.text.slice(0, 20), after: d.heads.map((h) => h.text).join(' ') });
  }
}

/** The first source line of anything in the draft (0 when it is empty). */
export function firstLine(d: Draft): number {
  const items = [...d.heads, ...(d.byline ? [d.byline] : []), ...d.paras, ...d.photos.flatMap((p) => [...p.caption, ...(p.credit ? [p.credit] : [])])];
  return items.length === 0 ? 0 : Math.min(...items.map((i) => i.line));
}

function bigrams(text: string): Set<string> {
  const han = text.replace(/[^\p{Script=Han}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}

function draftText(d: Draft): string {
  return [...d.heads, ...d.paras, ...d.photos.flatMap((p) => p.caption)].map((x) => x.text).join('');
}

/**
 * A 专栏 banner covers the 编者按 and interviews that follow it; a section label covers the stories
 * after it that share its words (the first one always).
 */
function assignSections(sections: DraftSection[], drafts: Draft[]): void {
  for (const section of sections) {
    const start = drafts.findIndex((d) => firstLine(d) > section.title.line);
    if (start < 0) continue;
    const words = bigrams(section.title.text);
    for (let i = start; i < drafts.length; i++) {
      const d = drafts[i]!;
      const belongs = section.kind === 'banner'
        ? d.kind === '编者按' || d.kind === '专访'
        : i === start || [...bigrams(draftText(d))].some((b) => words.has(b));
      if (!belongs) break;
      section.drafts.push(d);
    }
  }
}
