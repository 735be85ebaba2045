// Hand-built issues for layout tests: one or more 对开 pages, stories made of plain Han text.
import {
  BROADSHEET, DEFAULT_HOUSE, DEFAULT_STYLES, type Frame, type IssueMeta, type Story, SCHEMA_VERSION,
  StorySchema, bodyOf, paragraphNode, subheadNode, textNode,
} from '../../src/core/model';

/** n distinct-looking Han characters (cycling through a fixed list), for counting by hand. */
export function han(n: number, seed = 0): string {
  const pool = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈';
  let s = '';
  for (let i = 0; i < n; i++) s += pool[(i + seed) % pool.length];
  return s;
}

export function story(id: string, paragraphs: (string | { subhead: string })[], extra: Partial<Story> = {}): Story {
  return StorySchema.parse({
    id, slug: id, kind: '消息', headline: { kicker: [], main: [], sub: [] },
    body: bodyOf(paragraphs.map((p) => (typeof p === 'string' ? paragraphNode([textNode(p)]) : subheadNode(p.subhead)))),
    ...extra,
  });
}

export function issue(pages: { number: string; frames: Frame[] }[], storyIds: string[]): IssueMeta {
  return {
    schemaVersion: SCHEMA_VERSION, id: 'test', paper: '测试日报', date: '2024-03-08', issueNumber: '', edition: '',
    geometry: BROADSHEET, house: DEFAULT_HOUSE, styles: DEFAULT_STYLES,
    pages: pages.map((p, i) => ({ id: `p${i}`, number: p.number, name: '测试', editor: '甲', designer: '乙', proofreader: '丙', frames: p.frames })),
    storyIds, assets: [], sample: false,
  };
}

export function text(id: string, storyId: string, col: number, span: number, line: number, lines: number, extra: { columns?: number | null; threadIndex?: number } = {}): Frame {
  return { id, kind: 'text', storyId, col, span, line, lines, columns: extra.columns ?? null, threadIndex: extra.threadIndex ?? 0 };
}

export function stories(...list: Story[]): Map<string, Story> {
  return new Map(list.map((s) => [s.id, s]));
}
