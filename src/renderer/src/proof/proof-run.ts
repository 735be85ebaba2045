import { SLICE_TABLES } from '../../../core/fonts/generated/slice-index';
import { sliceTable } from '../../../core/fonts/slice-index';
import { type IssueMeta, type Story } from '../../../core/model';
import { checkStories, type Finding } from '../../../core/text/proof';

/**
 * Which code points the bundled fonts can draw, from the build-time slice index (no font file parsed),
 * as `yeban check` does; built once.
 */
let coverage: ((cp: number) => boolean) | null = null;
export function bundledCoverage(): (cp: number) => boolean {
  if (coverage) return coverage;
  const owners = [...new Set(SLICE_TABLES.map((t) => t.pkg))].map((pkg) => sliceTable(pkg, SLICE_TABLES.find((t) => t.pkg === pkg)!.weight).owner);
  coverage = (cp) => owners.some((o) => o.has(cp));
  return coverage;
}

/** Proofreads the issue's stories in budget order, as the desk holds them now (drafts included). */
export function proofIssue(meta: IssueMeta, stories: ReadonlyMap<string, Story>): Finding[] {
  const list = meta.storyIds.flatMap((id) => stories.get(id) ?? []);
  return checkStories(list, { dictionary: meta.house.dictionary, covers: bundledCoverage() });
}

/** The finding's text with a little context, for the panel's line. */
export function fieldLabel(field: string): string {
  if (field === 'body') return '正文';
  if (field === 'interviewByline') return '采访对象';
  const h = /^headline\.(kicker|main|sub)\.(\d+)$/.exec(field);
  if (h) return `${{ kicker: '引题', main: '主题', sub: '副题' }[h[1] as 'kicker' | 'main' | 'sub']}${Number(h[2]) > 0 ? Number(h[2]) + 1 : ''}`;
  const p = /^photos\.(\d+)\.(caption|credit)$/.exec(field);
  if (p) return `图${Number(p[1]) + 1}${p[2] === 'caption' ? '说明' : '署名'}`;
  return field;
}
