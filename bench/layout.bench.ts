// Layout costs: a full page cold (caches cleared, parsed fonts kept), the relayout after a one-character
// edit (only that story's thread is set again), and a whole 24-page issue cold and after a one-character edit
// (only that story's thread and its pages are put together again).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { type BenchCase } from './harness';
import { generateIssue, SAMPLE_ISSUE_DIR } from './generate-issue';
import { FontRegistry } from '../src/core/fonts';
import { LayoutEngine } from '../src/core/layout';
import { ComposeTypesetter } from '../src/core/layout/compose-typesetter';
import { IssueSchema, StorySchema, type IssueMeta, type Story, bodyOf } from '../src/core/model/index';
import { nodeFontLoader } from '../src/main/fonts/node-font-loader';

interface Bench {
  meta: IssueMeta;
  stories: Map<string, Story>;
  ts: ComposeTypesetter;
  engine: LayoutEngine;
}

async function sampleIssue(): Promise<{ meta: IssueMeta; stories: Map<string, Story> }> {
  const meta = IssueSchema.parse(JSON.parse(await readFile(path.join(SAMPLE_ISSUE_DIR, 'issue.json'), 'utf8')));
  const stories = new Map<string, Story>();
  for (const f of await readdir(path.join(SAMPLE_ISSUE_DIR, 'stories'))) {
    const s = StorySchema.parse(JSON.parse(await readFile(path.join(SAMPLE_ISSUE_DIR, 'stories', f), 'utf8')));
    stories.set(s.id, s);
  }
  return { meta, stories };
}

async function prepared(meta: IssueMeta, stories: Map<string, Story>): Promise<Bench> {
  const fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  const ts = new ComposeTypesetter(fonts, meta.styles, meta.house);
  await ts.prepare(meta, stories);
  return { meta, stories, ts, engine: new LayoutEngine(ts) };
}

let sample: Bench | undefined;
let issue24: Bench | undefined;
const need = <T>(x: T | undefined): T => {
  if (!x) throw new Error('setup did not run');
  return x;
};

/** The lead story with one character of its second paragraph replaced: a keystroke. */
function editOf(story: Story, variant: number): Story {
  const blocks = story.body.root.children.map((b, i) => {
    if (i !== 1) return b;
    const children = b.children.map((c, j) => (j === 0 && c.type === 'text' ? { ...c, text: (variant % 2 ? '新' : '区') + c.text.slice(1) } : c));
    return { ...b, children };
  });
  return { ...story, body: bodyOf(blocks as typeof story.body.root.children) };
}

let edits: Story[] = [];
let editIndex = 0;
const LEAD = 'zhaoshang-yinqiang';

/** The 24-page issue laid out once, and one story's body edited by a character before each run (two edits in turn). */
const editedIssue24: Pick<BenchCase, 'setup' | 'beforeEach'> = {
  async setup() {
    const g = generateIssue();
    issue24 = await prepared(g.issue, new Map(g.stories.map((s) => [s.id, s])));
    const first = need(g.stories[0]);
    edits = [editOf(first, 0), editOf(first, 1)];
    issue24.engine.layout(issue24.meta, issue24.stories);
  },
  beforeEach() {
    const s = need(issue24);
    const story = edits[editIndex++ % 2]!;
    s.stories.set(story.id, story);
  },
};

export const cases: BenchCase[] = [
  {
    group: 'layout',
    name: '样张整版冷排（13 篇稿件，约 9 千字）',
    async setup() {
      const { meta, stories } = await sampleIssue();
      sample = await prepared(meta, stories);
    },
    beforeEach() {
      need(sample).ts.clear();
      need(sample).engine.clear();
    },
    run: () => need(sample).engine.layout(need(sample).meta, need(sample).stories),
    target: { value: 10, unit: 'ms', label: '样张整版排版 ≤ 10 ms（冷）' },
  },
  {
    group: 'layout',
    name: '改一个字后重排（只重排该稿）',
    async setup() {
      const { meta, stories } = await sampleIssue();
      sample = await prepared(meta, stories);
      const lead = need(sample.stories.get(LEAD));
      edits = [editOf(lead, 0), editOf(lead, 1)];
      sample.engine.layout(sample.meta, sample.stories);
    },
    beforeEach() {
      const s = need(sample);
      s.stories.set(LEAD, edits[editIndex++ % 2]!);
    },
    run: () => need(sample).engine.layout(need(sample).meta, need(sample).stories),
    target: { value: 2, unit: 'ms', label: '一字之改重排 ≤ 2 ms' },
  },
  {
    group: 'layout',
    name: '24 版整期冷排（200 篇稿件）',
    async setup() {
      const g = generateIssue();
      issue24 = await prepared(g.issue, new Map(g.stories.map((s) => [s.id, s])));
    },
    beforeEach() {
      need(issue24).ts.clear();
      need(issue24).engine.clear();
    },
    run: () => need(issue24).engine.layout(need(issue24).meta, need(issue24).stories),
    target: { value: 250, unit: 'ms', label: '24 版整期排版 ≤ 250 ms（冷）' },
  },
  {
    group: 'layout',
    name: '24 版整期改一个字后重排（只重排该稿及其所在版）',
    ...editedIssue24,
    run: () => need(issue24).engine.layout(need(issue24).meta, need(issue24).stories),
    target: { value: 2, unit: 'ms', label: '24 版整期一字之改重排 ≤ 2 ms' },
  },
  {
    group: 'layout',
    // What the writing desk does at each keystroke (desk-layout.ts layOutNow): ask whether every font the text needs is
    // loaded, then lay out. The check gathers the furniture of every page only for an issue object it has not seen.
    name: '24 版整期改一个字：字体就绪检查 + 重排（写稿台每次按键）',
    iterations: 300,
    ...editedIssue24,
    run: () => {
      const { ts, engine, meta, stories } = need(issue24);
      if (!ts.prepared(meta, stories)) throw new Error('a font of the edit is not loaded');
      return engine.layout(meta, stories);
    },
    target: { value: 2, unit: 'ms', label: '写稿台每键（24 版）≤ 2 ms' },
  },
];
