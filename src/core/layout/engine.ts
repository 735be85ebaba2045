import type { DisplayItem, DisplayList, DisplayPage, FaceInfo, FrameBox } from '../display/types';
import type { Asset, Frame, IssueMeta, Page, Photo, Story, TextFrame } from '../model';
import { blockRect } from './block';
import { boxBlock, titleBandLines } from './box';
import { gridProblem, gridRect, pageGrid, type PageGrid } from './grid';
import { headlineBlock } from './headline';
import { verticalHeadlineBlock } from './headline-vertical';
import { imageBlock } from './image';
import { insetOf, pageObstacles } from './obstacles';
import type { LayoutReport, MissingPhoto, PageReport, PhotoGap, StoryFit } from './report';
import { ruleItems } from './rules';
import { runningHead } from './running-head';
import { frameSlots, type Slot } from './slots';
import { flowThread, type ThreadFrame, type ThreadResult } from './thread';
import type { Typesetter } from './typesetter';

export interface LayoutResult {
  readonly display: DisplayList;
  readonly report: LayoutReport;
  /** The thread of every placed story (tests read line positions from here). */
  readonly threads: ReadonlyMap<string, ThreadResult>;
}

interface StoryBlocks {
  readonly key: string;
  readonly story: Story | null;
  readonly items: DisplayItem[];
  readonly problems: string[];
}

/** A page put together, kept while everything it was made from is the same (by identity). */
interface PageAssembly {
  readonly deps: readonly unknown[];
  readonly page: DisplayPage;
  readonly report: PageReport;
  /** Contributions to the stories' reports, in frame order. */
  readonly problems: readonly (readonly [string, readonly string[]])[];
  readonly missing: readonly (readonly [string, readonly string[]])[];
  readonly photosMissing: readonly (readonly [string, MissingPhoto])[];
}

/** A text frame's slots and what decided them. */
interface CachedSlots {
  readonly pageIndex: number;
  readonly number: string;
  readonly inset: number;
  readonly minFragment: number;
  readonly frameJson: string;
  readonly obstacleKey: string;
  /** Unique to this working-out: the same id, the same slots. */
  readonly id: number;
  readonly slots: readonly Slot[];
}

interface CachedThread {
  readonly story: Story;
  readonly signature: string;
  readonly result: ThreadResult;
}

/**
 * Lays out an issue into the display list, remembering each story's thread and blocks by input: laying out
 * again after one story changed sets only that story's thread (and blocks) again; every other story is
 * reused as long as its object, its frames and what surrounds them are the same. Stories are treated as
 * immutable values: an edit produces a new Story object.
 */
export class LayoutEngine {
  private threads = new Map<string, CachedThread>();
  /** Slots of each text frame by what decides them: the frame, the page's obstacles, the box inset. */
  private slots = new Map<string, CachedSlots>();
  /** Numbers each set of slots worked out, for the threads' signatures. */
  private slotsMade = 0;
  private blocks = new Map<string, StoryBlocks>();
  /** Each page's obstacles, by page object (pages are immutable values, like stories). */
  private obstacles = new WeakMap<Page, { geometry: IssueMeta['geometry']; band: number; obstacles: ReturnType<typeof pageObstacles>; obstacleKey: string }>();
  /** Each frame's JSON, part of what decides its slots: once per frame object (a frame is an immutable value). */
  private frameJsons = new WeakMap<Frame, string>();
  /** Each page as last put together, by page id. */
  private assembled = new Map<string, PageAssembly>();
  private context: unknown[] = [];

  constructor(private readonly ts: Typesetter) {}

  /** Forget every cached result (a "cold" layout next time). */
  clear(): void {
    this.threads.clear();
    this.blocks.clear();
    this.slots.clear();
    this.assembled.clear();
    this.obstacles = new WeakMap();
    this.frameJsons = new WeakMap();
  }

  layout(issue: IssueMeta, stories: ReadonlyMap<string, Story>): LayoutResult {
    // Geometry, styles and house rules change every line: a different one invalidates everything.
    const context = [issue.geometry, issue.styles, issue.house];
    if (context.some((c, i) => c !== this.context[i])) {
      this.clear();
      this.context = context;
    }
    const grid = pageGrid(issue.geometry);
    const assets = new Map<string, Asset>(issue.assets.map((a) => [a.id, a]));
    const band = titleBandLines(this.ts);
    const minFragment = issue.house.minFragmentChars;

    // Slots for every text frame, grouped into threads by story.
    const pageProblems = issue.pages.map(() => [] as string[]);
    const byStory = new Map<string, { frame: TextFrame; pageIndex: number; order: number; slots: readonly Slot[]; id: number }[]>();
    issue.pages.forEach((page, pageIndex) => {
      const { obstacles, obstacleKey } = this.obstaclesOf(grid, issue.geometry, page, band);
      page.frames.forEach((f, order) => {
        const problem = gridProblem(grid, f);
        if (problem) pageProblems[pageIndex]!.push(`框 ${f.id}：${problem}`);
        if ('storyId' in f && f.storyId && !stories.has(f.storyId)) pageProblems[pageIndex]!.push(`框 ${f.id}：找不到稿件 ${f.storyId}`);
        if (f.kind !== 'text' || !stories.has(f.storyId)) return;
        const inset = insetOf(f, page.frames);
        // What decides the slots, compared part by part (a key string of them all was flattened anew per frame and
        // keystroke: the page's obstacles are kilobytes of JSON).
        let json = this.frameJsons.get(f);
        if (json === undefined) this.frameJsons.set(f, (json = JSON.stringify(f)));
        let cached = this.slots.get(`${page.id}:${f.id}`);
        if (!cached || cached.pageIndex !== pageIndex || cached.number !== page.number || cached.inset !== inset || cached.minFragment !== minFragment || cached.frameJson !== json || cached.obstacleKey !== obstacleKey) {
          const slots = frameSlots(grid, f, pageIndex, f.wrap === false ? [] : obstacles, minFragment, inset).slots;
          cached = { pageIndex, number: page.number, inset, minFragment, frameJson: json, obstacleKey, id: ++this.slotsMade, slots };
          this.slots.set(`${page.id}:${f.id}`, cached);
        }
        const list = byStory.get(f.storyId) ?? [];
        list.push({ frame: f, pageIndex, order, slots: cached.slots, id: cached.id });
        byStory.set(f.storyId, list);
      });
    });

    const threads = new Map<string, ThreadResult>();
    for (const [storyId, list] of byStory) {
      const story = stories.get(storyId)!;
      list.sort((a, b) => a.frame.threadIndex - b.frame.threadIndex || a.pageIndex - b.pageIndex || a.order - b.order);
      const frames: ThreadFrame[] = list.map((e) => ({
        frameId: e.frame.id, pageIndex: e.pageIndex, pageId: issue.pages[e.pageIndex]!.id, pageNumber: issue.pages[e.pageIndex]!.number, slots: e.slots,
      }));
      const signature = list.map((e) => e.id).join(',');
      const cached = this.threads.get(storyId);
      if (cached && cached.story === story && cached.signature === signature) {
        threads.set(storyId, cached.result);
        continue;
      }
      const result = flowThread(grid, story, frames, this.ts);
      this.threads.set(storyId, { story, signature, result });
      threads.set(storyId, result);
    }

    const storyProblems = new Map<string, string[]>();
    const storyMissing = new Map<string, Set<string>>();
    const storyPhotosMissing = new Map<string, MissingPhoto[]>();
    for (const [id, t] of threads) {
      if (t.missing.length > 0) storyMissing.set(id, new Set(t.missing));
    }

    const withFaces: DisplayPage[] = [];
    const pageReports: PageReport[] = [];
    const assembled = new Map<string, PageAssembly>();
    issue.pages.forEach((page, pageIndex) => {
      // What the page's items come from, by identity: the issue (running head, assets), the page and its frames,
      // and each story on it with its thread. Typing into one story leaves every other page as it was.
      const deps: unknown[] = [issue, pageIndex, page, pageProblems[pageIndex]!.join('\n')];
      for (const f of page.frames) if ('storyId' in f && f.storyId) deps.push(stories.get(f.storyId), threads.get(f.storyId));
      const cached = this.assembled.get(page.id);
      const a = cached && cached.deps.length === deps.length && cached.deps.every((d, i) => d === deps[i])
        ? cached
        : this.assemblePage(issue, page, pageIndex, grid, stories, threads, assets, pageProblems[pageIndex]!, deps);
      assembled.set(page.id, a);
      withFaces.push(a.page);
      pageReports.push(a.report);
      for (const [id, problems] of a.problems) addProblems(storyProblems, id, problems);
      for (const [id, texts] of a.missing) {
        const set = storyMissing.get(id) ?? new Set<string>();
        for (const t of texts) set.add(t);
        storyMissing.set(id, set);
      }
      for (const [id, gap] of a.photosMissing) storyPhotosMissing.set(id, [...(storyPhotosMissing.get(id) ?? []), gap]);
    });
    this.assembled = assembled;

    const fits: StoryFit[] = [];
    const placedIds = new Set<string>();
    for (const r of pageReports) for (const id of r.storyIds) placedIds.add(id);
    for (const id of issue.storyIds.filter((s) => placedIds.has(s)).concat([...placedIds].filter((s) => !issue.storyIds.includes(s)))) {
      const story = stories.get(id)!;
      const t = threads.get(id);
      fits.push({
        storyId: id, slug: story.slug, frames: t?.frames ?? [], linesUsed: t?.linesUsed ?? 0,
        oversetChars: t?.oversetChars ?? 0, oversetLines: t?.oversetLines ?? 0,
        undersetLines: t?.undersetLines ?? 0, undersetChars: t?.undersetChars ?? 0,
        missing: [...(storyMissing.get(id) ?? [])], problems: storyProblems.get(id) ?? [], photosMissing: storyPhotosMissing.get(id) ?? [],
      });
    }
    const unplaced = issue.storyIds.filter((id) => !placedIds.has(id));
    return {
      display: { issueTitle: `${issue.paper} ${issue.date}`, pages: withFaces },
      report: { pages: pageReports, stories: fits, unplaced },
      threads,
    };
  }

  /** The obstacles a page's frames make, and their key: worked out again only for a new page object, geometry or title band. */
  private obstaclesOf(grid: PageGrid, geometry: IssueMeta['geometry'], page: Page, band: number): { obstacles: ReturnType<typeof pageObstacles>; obstacleKey: string } {
    const cached = this.obstacles.get(page);
    if (cached && cached.geometry === geometry && cached.band === band) return cached;
    const obstacles = pageObstacles(grid, page.frames, band);
    const made = { geometry, band, obstacles, obstacleKey: JSON.stringify(obstacles) };
    this.obstacles.set(page, made);
    return made;
  }

  /** One page's display list and report, and what it adds to its stories' problems, missing characters and photos. */
  private assemblePage(
    issue: IssueMeta, page: Page, pageIndex: number, grid: PageGrid, stories: ReadonlyMap<string, Story>, threads: ReadonlyMap<string, ThreadResult>,
    assets: ReadonlyMap<string, Asset>, pageProblems: readonly string[], deps: readonly unknown[],
  ): PageAssembly {
    const problems: [string, readonly string[]][] = [];
    const missing: [string, string[]][] = [];
    const photosMissing: [string, MissingPhoto][] = [];
    const noteMissing = (storyId: string, glyphs: Iterable<DisplayItem>): void => {
      const texts: string[] = [];
      for (const g of glyphs) if (g.kind === 'glyph' && g.missing) texts.push(g.text);
      if (texts.length > 0) missing.push([storyId, texts]);
    };
    const under: DisplayItem[] = []; // tints and boxes, below everything
    const pictures: DisplayItem[] = [];
    const rules: DisplayItem[] = [];
    const type: DisplayItem[] = [];
    const boxes: FrameBox[] = [];
    const storyIds: string[] = [];
    for (const f of page.frames) {
      const inset = insetOf(f, page.frames);
      const storyId = 'storyId' in f ? f.storyId : null;
      if (storyId && !storyIds.includes(storyId) && stories.has(storyId)) storyIds.push(storyId);
      boxes.push({ frameId: f.id, storyId, ...frameBox(grid, f, inset) });
      switch (f.kind) {
        case 'box':
          under.push(...this.cachedBlock(`box:${page.id}:${f.id}`, [f, inset], null, () => ({ items: boxBlock(grid, f, this.ts, inset), problems: [] })).items);
          break;
        case 'rule':
          rules.push(...ruleItems(grid, f));
          break;
        case 'runningHead':
          type.push(...runningHead(grid, f, issue, page, this.ts));
          break;
        case 'headline': {
          const story = stories.get(f.storyId);
          if (!story) break;
          const b = this.cachedBlock(`head:${page.id}:${f.id}`, [f, inset], story, () => {
            const r = (f.orientation === 'vertical' ? verticalHeadlineBlock : headlineBlock)(grid, f, story, this.ts, inset);
            return { items: r.glyphs, problems: r.problems };
          });
          type.push(...b.items);
          if (b.problems.length > 0) problems.push([f.storyId, b.problems]);
          noteMissing(f.storyId, b.items);
          break;
        }
        case 'image': {
          const story = stories.get(f.storyId);
          if (!story) break;
          const photo = story.photos[f.photoIndex];
          const asset = photo?.assetId ? assets.get(photo.assetId) : undefined;
          const b = this.cachedBlock(`image:${page.id}:${f.id}`, [f, inset, asset ?? null], story, () => imageBlock(grid, f, story, assets, this.ts, inset));
          const gap = photoGap(photo, asset);
          if (gap) photosMissing.push([f.storyId, { ...gap, frameId: f.id, photoIndex: f.photoIndex, pageId: page.id, pageNumber: page.number }]);
          for (const it of b.items) (it.kind === 'glyph' ? type : pictures).push(it);
          if (b.problems.length > 0) problems.push([f.storyId, b.problems]);
          noteMissing(f.storyId, b.items);
          break;
        }
        case 'text':
          break;
      }
    }
    const bodies: (readonly DisplayItem[])[] = [];
    const faceKeys = facesOf(type);
    for (const key of facesOf(under)) faceKeys.add(key); // box titles sit with their boxes, under the text
    for (const id of storyIds) {
      const t = threads.get(id);
      const glyphs = t?.glyphs.get(pageIndex);
      if (glyphs) bodies.push(glyphs);
      for (const key of t?.faces.get(pageIndex) ?? []) faceKeys.add(key);
    }
    return {
      deps,
      page: {
        pageId: page.id, number: page.number, width: grid.pageWidth, height: grid.pageHeight,
        // Faces last: every line and block of the page has registered its faces by now.
        items: under.concat(pictures, rules, type, ...bodies), faces: faceTable(faceKeys, this.ts.faces()), frames: boxes,
      },
      report: { pageId: page.id, number: page.number, name: page.name, storyIds, problems: pageProblems },
      problems,
      missing,
      photosMissing,
    };
  }

  private cachedBlock(key: string, deps: readonly unknown[], story: Story | null, make: () => { items: DisplayItem[]; problems: string[] }): StoryBlocks {
    const sig = JSON.stringify(deps);
    const cached = this.blocks.get(key);
    if (cached && cached.key === sig && cached.story === story) return cached;
    const made = { key: sig, story, ...make() };
    this.blocks.set(key, made);
    return made;
  }
}

function photoGap(photo: Photo | undefined, asset: Asset | undefined): PhotoGap | null {
  if (!photo) return { reason: 'no-photo' };
  if (!photo.assetId) return { reason: 'no-asset' };
  return asset ? null : { reason: 'asset-not-in-issue', assetId: photo.assetId };
}

function addProblems(map: Map<string, string[]>, id: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  map.set(id, [...(map.get(id) ?? []), ...problems]);
}

function frameBox(grid: PageGrid, f: Frame, inset: number): { x: number; y: number; w: number; h: number } {
  if (f.kind === 'text' || f.kind === 'headline') {
    const r = gridRect(grid, f);
    return { x: r.x + inset * grid.em, y: r.y, w: r.w - 2 * inset * grid.em, h: r.h };
  }
  return blockRect(grid, f, inset);
}

/** Face keys of the glyphs among a page's furniture and headline items. */
function facesOf(items: readonly DisplayItem[]): Set<string> {
  const out = new Set<string>();
  for (const it of items) if (it.kind === 'glyph') out.add(it.face);
  return out;
}

function faceTable(keys: ReadonlySet<string>, all: Readonly<Record<string, FaceInfo>>): Record<string, FaceInfo> {
  const out: Record<string, FaceInfo> = {};
  for (const key of keys) {
    const f = all[key];
    if (f) out[key] = f;
  }
  return out;
}
