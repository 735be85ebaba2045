import { bodyOf } from '../../../core/model/body';
import { type ImportNote, type Story, StorySchema } from '../../../core/model';
import { headlineParts, parsePhotoCredit } from '../../../core/text';
import { blockStarts, plainText, renumber } from './undo-structure';

// Undoing an import decision that joined two stories, before they are added: a headline handed on to a
// later story (PDF column order), a lone photo credit attached to the story before it, a body moved under
// the headline that followed it. Both stories change at once, into what the importer would have made
// without the decision, and every note goes with the text it describes so the other decisions stay
// undoable. Like the other undos it first checks that the stories still hold what the importer made.

export type AcrossOutcome = { ok: true; stories: Story[] } | { ok: false; reason: string };

/** Story-level rules whose undo changes two stories. */
export const ACROSS_RULES: ReadonlySet<string> = new Set(['headline.distributed', 'photo.attached', 'segment.body-before-headline']);

type Part = 'kicker' | 'main' | 'sub';
interface Line {
  part: Part;
  field: string;
  text: string;
}

function lines(story: Story): Line[] {
  return (['kicker', 'main', 'sub'] as const).flatMap((part) => story.headline[part].map((text, i) => ({ part, field: `headline.${part}.${i}`, text })));
}

/** Letters and digits only: a space or mark undone in a text does not hide what it is. */
const bare = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');

/** The story's only headline line, if the importer read it from `raw` and it is still there. */
function onlyLine(story: Story, raw: string): Line | null {
  const all = lines(story);
  const line = all.length === 1 ? all[0]! : null;
  const read = (n: ImportNote): boolean => n.rule === `headline.${line!.part}` && n.before === raw && bare(n.after) === bare(line!.text);
  return line && story.importNotes.some((n) => n.field === line.field && read(n)) ? line : null;
}

/** What the importer names a story by: its headline, else the start of its text, else its kind. */
function derivedSlug(s: Story): string {
  const head = s.headline.main.join(' ') || s.headline.kicker.join(' ') || s.headline.sub.join(' ');
  const text = s.body.root.children.map(plainText).join('');
  return (head || text.slice(0, 16) || s.photos[0]?.caption || s.kind).replace(/\u3000/g, ' ').slice(0, 100);
}

/** The slug follows the story's new shape unless the editor typed one. */
const reslug = (before: Story, after: Story): Story => (before.slug === derivedSlug(before) ? { ...after, slug: derivedSlug(after) } : after);

/** In the importer's reading order: story-level notes, headline, byline, body, photos (stable within each). */
function inOrder(notes: ImportNote[]): ImportNote[] {
  const rank = (field = 'body'): number => ['story', 'headline', 'interviewByline', 'body', 'photos'].findIndex((f) => field.startsWith(f));
  return notes.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n.field) - rank(b.n.field) || a.i - b.i).map((x) => x.n);
}

const NO_HEADLINE: ImportNote = { rule: 'headline.none', field: 'headline', offset: 0, before: '', after: '' };

/** The headlines handed on go back to the story they were extracted above, read together as one headline. */
function handBack(stories: readonly Story[], index: number, note: ImportNote): AcrossOutcome {
  const story = stories[index]!;
  const [first, ...handed] = note.before.split(' / ');
  const own = onlyLine(story, first ?? '');
  if (!own) return { ok: false, reason: `“${story.slug}”的标题已改动，无法撤销` };
  const sources: { at: number; line: Line }[] = [{ at: index, line: own }];
  for (const raw of handed) {
    const from = sources[sources.length - 1]!.at + 1;
    const at = stories.findIndex((s, i) => i >= from && onlyLine(s, raw) !== null);
    if (at < 0) return { ok: false, reason: `标题“${raw}”已不在后面的稿件中，无法撤销` };
    sources.push({ at, line: onlyLine(stories[at]!, raw)! });
  }
  // The importer's reading of several lines over one story: 引+主, 主+副, 引+主+副 ….
  const parts = headlineParts(sources.map((s) => s.line));
  const headline: Story['headline'] = { kicker: [], main: [], sub: [] };
  const moved: ImportNote[] = [];
  sources.forEach(({ at, line }, k) => {
    const part = parts[k]!;
    const field = `headline.${part}.${headline[part].length}`;
    headline[part].push(line.text);
    for (const n of stories[at]!.importNotes) {
      if (n.field === line.field) moved.push({ ...n, field, rule: n.rule === `headline.${line.part}` ? `headline.${part}` : n.rule });
    }
  });
  const out = stories.map((s, i) => {
    if (i === index) {
      const kept = s.importNotes.filter((n) => n !== note && n.field !== own.field);
      return reslug(s, { ...s, headline, importNotes: inOrder([...kept, ...moved]) });
    }
    const source = sources.find((x) => x.at === i);
    if (!source) return s;
    const kept = s.importNotes.filter((n) => n.field !== source.line.field);
    const notes = s.kind === '编者按' || kept.some((n) => n.rule === 'headline.none') ? kept : [NO_HEADLINE, ...kept];
    return reslug(s, { ...s, headline: { kicker: [], main: [], sub: [] }, importNotes: inOrder(notes) });
  });
  return { ok: true, stories: out };
}

function nextId(stories: readonly Story[], existingIds: readonly string[]): string {
  const taken = new Set([...existingIds, ...stories.map((s) => s.id)]);
  for (let n = 1; ; n++) {
    const id = `story-${String(n).padStart(2, '0')}`;
    if (!taken.has(id)) return id;
  }
}

const creditsOf = (photos: Story['photos']): Story['bylines'] => photos.flatMap((p) => parsePhotoCredit(p.credit)?.credits ?? []);

/** The lone credit leaves the story before it and stands as a photo story of its own, awaiting its picture. */
function detachPhoto(stories: readonly Story[], index: number, note: ImportNote, existingIds: readonly string[]): AcrossOutcome {
  const story = stories[index]!;
  const k = story.photos.findIndex((p) => p.credit === note.before && p.caption === '');
  if (k < 0) return { ok: false, reason: `图片署名“${note.before}”已改动或已撤销，无法撤销` };
  const mine = (n: ImportNote): boolean => n.field === `photos.${k}` || (n.field ?? '').startsWith(`photos.${k}.`);
  const photos = story.photos.filter((_, i) => i !== k);
  const left: Story = {
    ...story,
    photos,
    // A photo story is signed by its photographers: the one who left no longer signs it.
    bylines: story.kind === '图片新闻' ? creditsOf(photos) : story.bylines,
    importNotes: renumber(story.importNotes.filter((n) => n !== note && !mine(n)), 'photos', k),
  };
  const photo = story.photos[k]!;
  const carried = story.importNotes.filter(mine).map((n) => ({ ...n, field: `photos.0${n.field!.slice(`photos.${k}`.length)}` }));
  const alone = StorySchema.parse({
    id: nextId(stories, existingIds),
    slug: '图片新闻',
    kind: '图片新闻',
    headline: { kicker: [], main: [], sub: [] },
    bylines: creditsOf([photo]),
    body: bodyOf([]),
    photos: [photo],
    status: '草稿',
    importNotes: [NO_HEADLINE, ...carried],
  });
  return { ok: true, stories: [...stories.slice(0, index), left, alone, ...stories.slice(index + 1)] };
}

const withBlocks = (body: Story['body'], children: Story['body']['root']['children']): Story['body'] => ({ ...body, root: { ...body.root, children } });

/** The body moved under a headline goes back to the end of the story it was taken from. */
function moveBodyBack(stories: readonly Story[], index: number, note: ImportNote): AcrossOutcome {
  const story = stories[index]!;
  // The story it came from is the one before of the same kind; only a photo story split off since may stand between.
  let from = index - 1;
  while (from >= 0 && stories[from]!.kind !== story.kind && stories[from]!.kind === '图片新闻') from--;
  const prev = from >= 0 && stories[from]!.kind === story.kind ? stories[from]! : null;
  if (!prev) return { ok: false, reason: `“${story.slug}”前面已没有这段正文原属的稿件，无法撤销` };
  const blocks = story.body.root.children;
  if (blocks.length === 0 || !bare(plainText(blocks[0]!)).startsWith(bare(note.before))) {
    return { ok: false, reason: `“${story.slug}”的正文已不以“${note.before}”开头，无法撤销` };
  }
  const at = blockStarts(prev.body).at(-1)!;
  const isBody = (n: ImportNote): boolean => (n.field ?? 'body') === 'body';
  const carried = story.importNotes.filter(isBody).map((n) => ({ ...n, field: 'body', offset: at + n.offset }));
  const out = stories.map((s, i) => {
    if (i === from) return { ...s, body: withBlocks(s.body, [...s.body.root.children, ...blocks]), importNotes: inOrder([...s.importNotes, ...carried]) };
    if (i === index) return { ...s, body: withBlocks(s.body, []), importNotes: s.importNotes.filter((n) => n !== note && !isBody(n)) };
    return s;
  });
  return { ok: true, stories: out };
}

/** Undo `note` of `stories[index]`; `existingIds` are the issue's ids, which a new story must avoid. */
export function undoAcross(stories: readonly Story[], index: number, note: ImportNote, existingIds: readonly string[] = []): AcrossOutcome {
  if (!stories[index]?.importNotes.includes(note)) return { ok: false, reason: '这条处理不属于该稿件' };
  switch (note.rule) {
    case 'headline.distributed':
      return handBack(stories, index, note);
    case 'photo.attached':
      return detachPhoto(stories, index, note, existingIds);
    case 'segment.body-before-headline':
      return moveBodyBack(stories, index, note);
    default:
      return { ok: false, reason: '这不是跨稿件的判断' };
  }
}
