import { coverageFor, type FontLoader } from '../../../core/fonts';
import { type IssueMeta, type Story } from '../../../core/model';
import { checkStories, storyFields, type Finding } from '../../../core/text/proof';

function budget(meta: IssueMeta, stories: ReadonlyMap<string, Story>): Story[] {
  return meta.storyIds.flatMap((id) => stories.get(id) ?? []);
}

/**
 * Which characters of the issue's stories some font of the role chains can draw (the newsroom's fonts and
 * 楷体 included), as `yeban check` asks: a whole-file face is fetched only for a character in no Noto slice.
 */
export function issueCoverage(meta: IssueMeta, stories: ReadonlyMap<string, Story>, loader: FontLoader): Promise<(cp: number) => boolean> {
  const text = budget(meta, stories).flatMap(storyFields).map((f) => f.text).join('');
  return coverageFor(text, loader, meta.house.fonts);
}

/**
 * Proofreads the issue's stories in budget order, as the desk holds them now (drafts included). Without a
 * coverage predicate (still loading) the "no font can draw" rule waits; every other rule runs.
 */
export function proofIssue(meta: IssueMeta, stories: ReadonlyMap<string, Story>, covers?: (cp: number) => boolean): Finding[] {
  return checkStories(budget(meta, stories), { dictionary: meta.house.dictionary, ...(covers ? { covers } : {}) });
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
