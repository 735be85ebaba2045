// Model costs paid on every open and every keystroke: validating an issue and its stories, and turning
// story bodies into composer input.
import { type BenchCase } from './harness';
import { type GeneratedIssue, generateIssue } from './generate-issue';
import { IssueSchema, StorySchema, bodyToParagraphs, migrateIssue } from '../src/core/model/index';

let generated: GeneratedIssue | undefined;
let issueJson = '';
let storyJson: string[] = [];

function setup(): void {
  if (generated) return;
  generated = generateIssue();
  issueJson = JSON.stringify(generated.issue);
  storyJson = generated.stories.map((s) => JSON.stringify(s));
}

const need = (): GeneratedIssue => {
  if (!generated) throw new Error('setup did not run');
  return generated;
};

export const cases: BenchCase[] = [
  {
    group: 'model',
    name: '打开整期：解析并校验 issue.json + 200 篇稿件',
    setup,
    run: () => {
      IssueSchema.parse(JSON.parse(issueJson));
      for (const s of storyJson) StorySchema.parse(JSON.parse(s));
    },
    target: { value: 50, unit: 'ms', label: '24 版 200 稿的期刊在 50 ms 内通过校验' },
  },
  {
    group: 'model',
    name: 'issue.json 校验（24 版）',
    setup,
    run: () => IssueSchema.parse(JSON.parse(issueJson)),
  },
  {
    group: 'model',
    name: '单篇稿件校验（最长的一篇）',
    setup,
    run: () => {
      const longest = storyJson.reduce((a, b) => (b.length > a.length ? b : a), '');
      return StorySchema.parse(JSON.parse(longest));
    },
    target: { value: 2, unit: 'ms', label: '保存一篇稿件前的校验 < 2 ms' },
  },
  {
    group: 'model',
    name: 'bodyToParagraphs × 200',
    setup,
    run: () => {
      let n = 0;
      for (const s of need().stories) n += bodyToParagraphs(s.body).length;
      return n;
    },
  },
  {
    group: 'model',
    name: '旧版本迁移 v0 → v1 并校验',
    setup,
    run: () => {
      const { schemaVersion: _v, pages, ...rest } = JSON.parse(issueJson) as Record<string, unknown>;
      const migrated = migrateIssue({ ...rest, plates: pages });
      if (migrated.kind !== 'migrated') throw new Error(`expected a migration, got ${migrated.kind}`);
      return IssueSchema.parse(migrated.data);
    },
  },
  {
    group: 'model',
    name: '生成测试期刊（24 版 200 稿）',
    run: () => generateIssue(),
  },
];
