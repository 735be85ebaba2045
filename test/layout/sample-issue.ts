// The bundled sample issue read straight from its files (schema-checked), for layout tests that use the
// real composer.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { IssueSchema, StorySchema, type IssueMeta, type Story } from '../../src/core/model';

export const SAMPLE_DIR = path.resolve(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban');

export async function readSampleIssue(): Promise<{ meta: IssueMeta; stories: Map<string, Story> }> {
  const meta = IssueSchema.parse(JSON.parse(await readFile(path.join(SAMPLE_DIR, 'issue.json'), 'utf8')));
  const stories = new Map<string, Story>();
  for (const f of await readdir(path.join(SAMPLE_DIR, 'stories'))) {
    const s = StorySchema.parse(JSON.parse(await readFile(path.join(SAMPLE_DIR, 'stories', f), 'utf8')));
    stories.set(s.id, s);
  }
  return { meta, stories };
}
