import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IssueSchema, type IssueMeta } from '../../src/core/model';

/** The bundled sample issue's issue.json (one broadsheet page, 33 frames, 13 stories). */
export function sampleMeta(): IssueMeta {
  const file = path.resolve('resources/sample/2024-03-08-太白湖新区.yeban/issue.json');
  return IssueSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
