// The one generator of large test issues that every benchmark uses: 24 pages, 200 stories of real-looking
// copy drawn from the bundled sample issue's sentences, headlines, datelines and photos, each page laid out
// on the 对开 grid. Deterministic: the same options give byte-identical output.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Asset,
  type BlockNodeJSON,
  type Frame,
  type InlineNodeJSON,
  type IssueMeta,
  type Story,
  type StoryKind,
  BROADSHEET,
  IssueSchema,
  SCHEMA_VERSION,
  StorySchema,
  bodyOf,
  datelineNode,
  datelineText,
  paragraphNode,
  subheadNode,
  spanChars,
  textNode,
} from '../src/core/model/index';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SAMPLE_ISSUE_DIR = path.join(root, 'resources', 'sample', '2024-03-08-太白湖新区.yeban');

export interface GenerateOptions {
  readonly pages?: number;
  readonly stories?: number;
  readonly seed?: number;
}

export interface GeneratedIssue {
  readonly issue: IssueMeta;
  readonly stories: Story[];
  /** Asset id → the file holding its bytes (the sample issue's photos, reused). */
  readonly assetFiles: ReadonlyMap<string, string>;
}

/** mulberry32: small, fast and good enough to pick sentences; the seed makes runs repeatable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Corpus {
  sentences: string[];
  /** Sentences that work as run-in heads (short, ending in 。). */
  runins: string[];
  headlineClauses: string[];
  subheads: string[];
  captions: string[];
  correspondents: string[];
  assets: Asset[];
}

let corpusCache: Corpus | undefined;

/** Sentences and headline material from the bundled sample issue (read once). */
export function sampleCorpus(): Corpus {
  if (corpusCache) return corpusCache;
  const issue = IssueSchema.parse(JSON.parse(readFileSync(path.join(SAMPLE_ISSUE_DIR, 'issue.json'), 'utf8')));
  const stories = issue.storyIds.map((id) => StorySchema.parse(JSON.parse(readFileSync(path.join(SAMPLE_ISSUE_DIR, 'stories', `${id}.json`), 'utf8'))));
  const sentences: string[] = [];
  const runins: string[] = [];
  const subheads: string[] = [];
  const headlineClauses: string[] = [];
  const captions: string[] = [];
  const correspondents = new Set<string>();
  for (const s of stories) {
    for (const line of s.headline.main) headlineClauses.push(...line.split('\u3000'));
    for (const block of s.body.root.children) {
      const texts = block.children.flatMap((c) => (c.type === 'text' ? [c] : []));
      if (block.type === 'subhead') {
        subheads.push(texts.map((t) => t.text).join(''));
        continue;
      }
      for (const t of texts) {
        if (t.styleId === 'runin') {
          if (!t.text.startsWith('编者按')) runins.push(t.text);
          continue;
        }
        // Sentences end with 。！？ (a closing quote stays with its sentence).
        for (const m of t.text.matchAll(/[^。！？]+[。！？]”?/gu)) sentences.push(m[0]);
      }
      for (const c of block.children) if (c.type === 'dateline') for (const cr of c.credits) cr.names.forEach((n) => correspondents.add(n));
    }
    for (const p of s.photos) if (p.caption) captions.push(...(p.caption.match(/[^。！？]+[。！？]/gu) ?? []));
  }
  corpusCache = {
    sentences: sentences.filter((x) => x.length >= 8),
    runins,
    headlineClauses: headlineClauses.filter((x) => x.length >= 4),
    subheads,
    captions,
    correspondents: [...correspondents],
    assets: issue.assets,
  };
  return corpusCache;
}

const PLACES = ['济宁', '太白湖', '任城', '兖州', '曲阜', '邹城', '微山', '鱼台', '金乡', '嘉祥', '汶上', '泗水', '梁山'];
const PAGE_NAMES = ['要闻', '要闻', '综合', '经济', '太白湖新区', '县区', '城建', '社会', '教育', '文化', '体育', '理论', '健康', '农业', '法治', '专刊', '副刊', '民生', '视点', '旅游', '科技', '党建', '生态', '运河'];
const EDITORS = ['王静', '李娜', '张强', '刘洋', '陈晨', '杨帆', '赵磊', '黄敏', '周涛', '吴琳'];

/** Kinds in budget order: mostly news, some features, photos, notes and briefs. */
function kindFor(i: number): StoryKind {
  if (i % 23 === 11) return '编者按';
  if (i % 9 === 4) return '图片新闻';
  if (i % 17 === 7) return '专访';
  if (i % 13 === 5) return '评论';
  if (i % 11 === 3) return '通讯';
  if (i % 7 === 6) return '简讯';
  return '消息';
}

/** How much of the page a story claims, relative to an ordinary 消息 (1). */
function weightFor(kind: StoryKind, lead: boolean, next: () => number): number {
  if (lead) return 2.5 + next();
  if (kind === '通讯' || kind === '专访') return 1.8 + next() * 0.8;
  if (kind === '简讯' || kind === '编者按') return 0.5 + next() * 0.2;
  return 0.8 + next() * 0.7;
}

interface Plan {
  readonly index: number;
  readonly kind: StoryKind;
  readonly weight: number;
  readonly photo: boolean;
  readonly lead: boolean;
}

interface Cell {
  readonly col: number;
  readonly span: number;
  readonly line: number;
  readonly lines: number;
}

// Row patterns: basic-column spans of the stories side by side in one band of a page.
const ROWS_OF_TWO = [[5, 3], [4, 4], [3, 5], [6, 2], [2, 6]];
const ROWS_OF_THREE = [[3, 3, 2], [2, 3, 3], [3, 2, 3], [4, 2, 2], [2, 4, 2]];

/** Bands of stories across the page; each band as tall as its heaviest story needs, all bands filling the page. */
function planPage(plans: Plan[], next: () => number): { plan: Plan; cell: Cell }[] {
  const g = BROADSHEET;
  const rows: { plans: Plan[]; spans: number[] }[] = [];
  let i = 0;
  while (i < plans.length) {
    const left = plans.length - i;
    const size = left === 1 ? 1 : left === 2 || left === 4 ? 2 : left === 3 ? 3 : next() < 0.5 ? 3 : 2;
    const group = plans.slice(i, i + size);
    const patterns = size === 1 ? [[8]] : size === 2 ? ROWS_OF_TWO : ROWS_OF_THREE;
    // The widest column span goes to the heaviest story, the pattern decides which side it stands on.
    const spans = [...(patterns[Math.floor(next() * patterns.length)] as number[])];
    const bySpan = spans.map((span, k) => ({ span, k })).sort((a, b) => b.span - a.span);
    const byWeight = [...group].sort((a, b) => b.weight - a.weight);
    const ordered: Plan[] = new Array<Plan>(size);
    bySpan.forEach(({ k }, rank) => {
      ordered[k] = byWeight[rank] as Plan;
    });
    rows.push({ plans: ordered, spans });
    i += size;
  }
  // One line per rule between bands; the rest shared by what each band needs (weight per column).
  const available = g.lines - 3 - (rows.length - 1);
  const needs = rows.map((r) => Math.max(...r.plans.map((p, k) => (p.weight * 50) / (r.spans[k] as number) + 6)));
  const total = needs.reduce((a, b) => a + b, 0);
  const heights = needs.map((n) => Math.max(14, Math.floor((n / total) * available)));
  const overshoot = heights.reduce((a, b) => a + b, 0) - available;
  // Give back lines from the tallest band if the minimums overshot; the last band takes any rest.
  const adjust = overshoot > 0 ? heights.indexOf(Math.max(...heights)) : heights.length - 1;
  heights[adjust] = (heights[adjust] as number) - overshoot;
  const out: { plan: Plan; cell: Cell }[] = [];
  let line = 3;
  rows.forEach((row, r) => {
    if (r > 0) line += 1;
    let col = 0;
    row.plans.forEach((plan, k) => {
      const span = row.spans[k] as number;
      out.push({ plan, cell: { col, span, line, lines: heights[r] as number } });
      col += span;
    });
    line += heights[r] as number;
  });
  return out;
}

const HEADLINE_PT = 24; // 主题 小一, the catalog's default
const capacityChars = (span: number): number => spanChars(BROADSHEET, span);

/** A 主题 that fits its frame's width on one line: one clause, or two with U+3000 when they fit. */
function pickHeadline(corpus: Corpus, span: number, pick: <T>(l: readonly T[]) => T, next: () => number): string {
  const max = Math.floor((capacityChars(span) * BROADSHEET.bodySizePt) / HEADLINE_PT);
  const fitting = corpus.headlineClauses.filter((c) => c.length <= max);
  if (fitting.length === 0) return corpus.headlineClauses.reduce((a, b) => (b.length < a.length ? b : a));
  const first = pick(fitting);
  if (next() < 0.5) {
    const partners = fitting.filter((c) => c !== first && first.length + 1 + c.length <= max);
    if (partners.length) return `${first}\u3000${pick(partners)}`;
  }
  return first;
}

/** Grid lines a caption and its credit take under a picture `span` columns wide. */
function captionLinesFor(caption: string, span: number): number {
  return (caption ? Math.ceil((caption.length + 2) / capacityChars(span)) : 0) + 1;
}

/** Body lines a paragraph of `length` characters takes in columns of `width` characters (first line indented 2). */
const paragraphLines = (length: number, width: number): number => Math.ceil((length + 2) / width);

function generateStory(plan: Plan, cell: Cell, corpus: Corpus, next: () => number): { story: Story; frames: Frame[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const { kind } = plan;
  const name = pick(corpus.correspondents);
  const id = `story-${String(plan.index + 1).padStart(3, '0')}`;
  const fid = (what: string): string => `${id}-${what}`;
  const frames: Frame[] = [];

  // Headline block: 引题 2 lines, 主题 3, 副题 2, interview byline 1, and a line of white.
  const main = kind === '编者按' ? '' : pickHeadline(corpus, cell.span, pick, next);
  const kicker = main && (plan.lead || next() < 0.15) ? pickHeadline(corpus, cell.span, pick, next).split('\u3000')[0] ?? '' : '';
  const sub = main && next() < 0.1 ? `——${pick(corpus.headlineClauses.filter((c) => c.length + 2 <= capacityChars(cell.span) / 1.6)) ?? ''}` : '';
  const interviewByline = kind === '专访' ? `${pick(PLACES)}${pick(['镇党委书记', '街道党工委书记', '区委副书记', '局党组书记'])}\u3000${pick(corpus.correspondents)}` : '';
  const headLines = main ? 3 + (kicker ? 2 : 0) + (sub.length > 2 ? 2 : 0) + (interviewByline ? 1 : 0) + 1 : 0;
  if (kind === '编者按') frames.push({ id: fid('box'), kind: 'box', ...cell, title: '', storyId: id, strokePt: 0.5, tint: null });
  if (main) frames.push({ id: fid('headline'), kind: 'headline', storyId: id, col: cell.col, span: cell.span, line: cell.line, lines: headLines, align: 'center', scaleX: 100 });
  const top = cell.line + headLines;
  const rest = cell.lines - headLines;

  // Photo: a 图片新闻 fills its cell; otherwise a picture over the first (up to two) columns of the text.
  const photos: Story['photos'] = [];
  let blocked = 0;
  if (plan.photo) {
    const asset = pick(corpus.assets);
    const caption = kind === '图片新闻' ? pick(corpus.captions) + pick(corpus.captions) : pick(corpus.captions);
    photos.push({ assetId: asset.id, caption, credit: `■通讯员\u3000${name}\u3000摄` });
    const span = kind === '图片新闻' ? cell.span : Math.min(2, cell.span);
    const captionLines = captionLinesFor(caption, span);
    const picture = kind === '图片新闻' ? rest - captionLines : Math.max(6, Math.min(Math.round((capacityChars(span) * 9 * 0.66) / BROADSHEET.pitchPt), Math.floor(rest / 2) - captionLines));
    frames.push({ id: fid('image'), kind: 'image', storyId: id, photoIndex: 0, col: cell.col, span, line: top, lines: picture + captionLines, captionLines, standoffChars: 1, standoffLines: 0, fit: 'fill' });
    blocked = span * (picture + captionLines);
  }

  // Body: filled from the sample's sentences to what the frame holds. Most stories fit (the desk has cut
  // them); one in twelve runs a little over, so copyfit has overset to report.
  const blocks: BlockNodeJSON[] = [];
  if (kind !== '图片新闻') {
    const oneColumn = kind === '编者按';
    const width = oneColumn ? capacityChars(cell.span) : BROADSHEET.charsPerColumn;
    const capacity = oneColumn ? rest : rest * cell.span - blocked;
    const budget = Math.floor(capacity * (next() < 1 / 12 ? 1.08 : 0.9 + next() * 0.08));
    let used = 0;
    while (used < budget) {
      const runs: InlineNodeJSON[] = [];
      let prefix = 0;
      if (blocks.length === 0 && (kind === '消息' || kind === '简讯' || kind === '通讯')) {
        const credits = next() < 0.3 ? [{ role: '记者', names: [pick(corpus.correspondents)] }, { role: '通讯员', names: [name] }] : [{ role: '通讯员', names: [name] }];
        const node = datelineNode({ agency: '本报', place: pick(PLACES), credits });
        runs.push(node);
        prefix = datelineText(node).length;
      }
      if (blocks.length === 0 && kind === '编者按') {
        runs.push(textNode('编者按：', { styleId: 'runin' }));
        prefix = 4;
      }
      if (blocks.length > 0 && (kind === '专访' || kind === '通讯') && next() < 0.5) {
        const head = pick(corpus.runins);
        runs.push(textNode(head, { styleId: 'runin' }));
        prefix = head.length;
      }
      let text = '';
      const sentences = 2 + Math.floor(next() * 4);
      for (let k = 0; k < sentences; k++) {
        const sentence = pick(corpus.sentences);
        if (used + paragraphLines(prefix + text.length + sentence.length, width) > budget && (text || blocks.length)) break;
        text += sentence;
      }
      if (!text) break;
      runs.push(textNode(text));
      blocks.push(paragraphNode(runs, oneColumn ? 'note' : 'body'));
      used += paragraphLines(prefix + text.length, width);
      if (!oneColumn && kind !== '简讯' && rest * cell.span > 120 && next() < 0.12 && used + 4 < budget) {
        blocks.push(subheadNode(pick(corpus.subheads)));
        used += 1;
      }
    }
    frames.push({ id: fid('text'), kind: 'text', storyId: id, col: cell.col, span: cell.span, line: top, lines: rest, columns: oneColumn ? 1 : null, threadIndex: 0 });
  }

  const story = StorySchema.parse({
    id,
    slug: (main || '编者按').replace(/\u3000/gu, '').slice(0, 12),
    kind,
    headline: { kicker: kicker ? [kicker] : [], main: main ? [main] : [], sub: sub.length > 2 ? [sub] : [] },
    interviewByline,
    bylines: kind === '图片新闻' ? [{ role: '通讯员', names: [name] }] : [],
    body: bodyOf(blocks),
    photos,
    status: '已编',
    author: name,
    revision: 1,
    importNotes: [],
    updatedAt: '2024-03-07T20:00:00+08:00',
  });
  return { story, frames };
}

/** A big issue in memory. Defaults: 24 pages, 200 stories, seed 1. */
export function generateIssue(options: GenerateOptions = {}): GeneratedIssue {
  const pageCount = options.pages ?? 24;
  const storyCount = options.stories ?? 200;
  if (storyCount < pageCount) throw new Error('generateIssue needs at least one story per page');
  const next = rng(options.seed ?? 1);
  const corpus = sampleCorpus();
  const perPage = Math.floor(storyCount / pageCount);
  const extra = storyCount - perPage * pageCount;
  const stories: Story[] = [];
  const pages: IssueMeta['pages'] = [];
  for (let p = 0; p < pageCount; p++) {
    const count = perPage + (p < extra ? 1 : 0);
    const plans: Plan[] = [];
    for (let k = 0; k < count; k++) {
      const index = stories.length + k;
      const kind = kindFor(index);
      const lead = k === 0 && kind !== '编者按' && kind !== '图片新闻';
      plans.push({ index, kind, lead, weight: weightFor(kind, lead, next), photo: kind === '图片新闻' || (kind !== '编者按' && kind !== '简讯' && next() < 0.25) });
    }
    const frames: Frame[] = [{ id: `page-${p + 1}-head`, kind: 'runningHead', col: 0, span: 8, line: 0, lines: 3 }];
    const placed = planPage(plans, next);
    for (const { plan, cell } of placed.sort((a, b) => a.plan.index - b.plan.index)) {
      const made = generateStory(plan, cell, corpus, next);
      stories.push(made.story);
      frames.push(...made.frames);
    }
    // A rule over every band but the first.
    for (const line of new Set(placed.map((x) => x.cell.line).filter((l) => l > 3))) {
      frames.push({ id: `page-${p + 1}-rule-${line}`, kind: 'rule', col: 0, span: 8, line: line - 1, lines: 1, orientation: 'horizontal', weightPt: 0.5, style: 'solid', color: { c: 0, m: 0, y: 0, k: 100 } });
    }
    const number = String(p + 1).padStart(2, '0');
    pages.push({
      id: `page-${number}`,
      number,
      name: PAGE_NAMES[p % PAGE_NAMES.length] as string,
      editor: EDITORS[p % EDITORS.length] as string,
      designer: EDITORS[(p + 3) % EDITORS.length] as string,
      proofreader: EDITORS[(p + 6) % EDITORS.length] as string,
      frames,
    });
  }
  const sample = IssueSchema.parse(JSON.parse(readFileSync(path.join(SAMPLE_ISSUE_DIR, 'issue.json'), 'utf8')));
  const issue = IssueSchema.parse({
    ...sample,
    schemaVersion: SCHEMA_VERSION,
    id: `bench-${options.seed ?? 1}-${pageCount}x${storyCount}`,
    issueNumber: '总第24816期',
    pages,
    storyIds: stories.map((s) => s.id),
    sample: true,
  });
  const assetFiles = new Map(issue.assets.map((a) => [a.id, path.join(SAMPLE_ISSUE_DIR, 'assets', a.id)]));
  return { issue, stories, assetFiles };
}

/** Writes an issue folder (DESIGN.md §4): issue.json, stories/<id>.json, assets/<sha256>.jpg. */
export async function writeIssueFolder(generated: GeneratedIssue, dir: string): Promise<string> {
  await mkdir(path.join(dir, 'stories'), { recursive: true });
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'issue.json'), JSON.stringify(generated.issue, null, 2) + '\n');
  for (const s of generated.stories) await writeFile(path.join(dir, 'stories', `${s.id}.json`), JSON.stringify(s, null, 2) + '\n');
  for (const [id, file] of generated.assetFiles) await copyFile(file, path.join(dir, 'assets', id));
  return dir;
}

/** Generates and writes an issue into a new temporary folder; returns the folder (`<tmp>/…/bench.yeban`). */
export async function writeTempIssue(options: GenerateOptions = {}): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'yeban-bench-'));
  return writeIssueFolder(generateIssue(options), path.join(parent, 'bench.yeban'));
}
