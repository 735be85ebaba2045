// Store costs a person waits for: opening a full issue from disk (24 pages, 200 stories, the shared
// generator) and saving one story (atomic write with fsyncs, history snapshot, journal cleared).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type BenchCase } from './harness';
import { writeTempIssue } from './generate-issue';
import { type Story } from '../src/core/model/index';
import { openIssue, saveStory, defaultEnv } from '../src/main/store/index';

let openDir = '';
let saveDir = '';
let story: Story | undefined;
let n = 0;
const env = defaultEnv();

export const cases: BenchCase[] = [
  {
    group: 'store',
    name: '打开整期（24 版 200 稿，读盘 + 校验 + 图片头 + 锁/自动保存检查）',
    async setup() {
      openDir = await writeTempIssue({ pages: 24, stories: 200 });
      const o = await openIssue(openDir, { env });
      if (o.problems.length || Object.keys(o.stories).length !== 200) throw new Error(`generated issue does not open cleanly: ${JSON.stringify(o.problems[0])}`);
    },
    run: () => openIssue(openDir, { env }),
    async teardown() {
      await rm(path.dirname(openDir), { recursive: true, force: true });
    },
    target: { value: 300, unit: 'ms', label: '24 版 200 稿的期刊在 300 ms 内打开' },
  },
  {
    group: 'store',
    name: '保存一篇稿件（临时文件 + fsync + 改名 + 历史快照）',
    async setup() {
      saveDir = await writeTempIssue({ pages: 24, stories: 200 });
      const o = await openIssue(saveDir, { env });
      story = o.stories[o.meta.storyIds[0]!];
    },
    async run() {
      const cur = story!;
      const r = await saveStory(saveDir, { ...cur, slug: `第${++n}稿` }, { env, baseRevision: cur.revision });
      story = r.story;
      return r;
    },
    async teardown() {
      await rm(path.dirname(saveDir), { recursive: true, force: true });
    },
    target: { value: 20, unit: 'ms', label: '保存一篇稿件在 20 ms 内完成' },
  },
];
