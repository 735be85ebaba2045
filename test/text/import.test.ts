import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { type DatelineNodeJSON } from '../../src/core/model/body';
import { type Story, StorySchema } from '../../src/core/model/story';
import { IMPORT_RULES, importText } from '../../src/core/text/index';
import { ASCII, INTERVIEW, NOTE, PDF, PHOTOS, SAMPLE_ISSUE, WIRE, samplePage } from './fixtures';

function dateline(s: Story): DatelineNodeJSON | undefined {
  const first = s.body.root.children[0]?.children[0];
  return first?.type === 'dateline' ? first : undefined;
}

function fieldText(s: Story, field: string): string {
  if (field === 'body') return bodyPlainText(s.body);
  if (field === 'interviewByline') return s.interviewByline;
  const head = /^headline\.(kicker|main|sub)\.(\d+)$/.exec(field);
  if (head) return s.headline[head[1] as 'main'][Number(head[2])]!;
  const photo = /^photos\.(\d+)\.(caption|credit)$/.exec(field);
  if (photo) return s.photos[Number(photo[1])]![photo[2] as 'caption'];
  return '';
}

/** Rules whose `after` is text now standing at `offset` of `field`. */
const IN_PLACE = new Set(['punct.fullwidth', 'punct.quote', 'space.fullwidth', 'join.column-break', 'dateline.parsed', 'runin', 'subhead', 'headline.space']);

function expectNotesInPlace(stories: readonly Story[]): void {
  for (const s of stories) {
    for (const n of s.importNotes) {
      expect(IMPORT_RULES[n.rule], `rule ${n.rule} has a description`).toBeDefined();
      if (!IN_PLACE.has(n.rule)) continue;
      const text = fieldText(s, n.field ?? 'body');
      expect(text.slice(n.offset, n.offset + n.after.length), `${s.id} ${n.field} ${n.rule} @${n.offset}`).toBe(n.after);
    }
  }
}

const hanOf = (text: string): string => [...text.replace(/[^\p{Script=Han}]/gu, '')].sort().join('');

function storyHan(s: Story): string {
  return [...s.headline.kicker, ...s.headline.main, ...s.headline.sub, s.interviewByline, bodyPlainText(s.body), ...s.photos.flatMap((p) => [p.caption, p.credit])].join('');
}

describe('import of the sample page (taibaihu-page.txt → taibaihu-page.md)', () => {
  const result = importText(samplePage());
  const stories = result.stories;

  it('finds the stories of the reference page, in reading order', () => {
    expect(stories.map((s) => s.kind)).toEqual(['消息', '消息', '编者按', '专访', '专访', '图片新闻', '消息', '消息', '消息', '消息', '消息', '消息', '图片新闻']);
    expect(stories.map((s) => s.headline.main[0] ?? '')).toEqual([
      '太白湖新区聚力重点招大引强', '太白湖新区\u3000重大项目集中开工', '', '乡村振兴出亮点\u3000高质量发展破新题', '新起点呈现新气象\u3000新征程展现新作为',
      '传承雷锋精神\u3000践行初心使命', '专家义诊暖人心', '“多网融合”提档升级', '“开工第一课”把牢安全关', '下好先手棋\u3000助力经济“开门红”',
      '送岗下乡赶大集', '“三八”国际劳动妇女节\u3000铿锵玫瑰别样红', '传承红色基因\u3000弘扬英烈精神',
    ]);
    expect(stories.every((s) => s.headline.kicker.length === 0 && s.headline.sub.length === 0)).toBe(true);
  });

  it('parses every dateline into fields', () => {
    const names = stories.map((s) => dateline(s)?.credits.flatMap((c) => c.names).join(',') ?? '');
    expect(names).toEqual(['刘春雷', '刘德铭', '', '', '', '', '孙瑜', '闫丹阳', '申长明', '林通', '万众', '吴晓萱', '']);
    for (const s of stories) {
      const d = dateline(s);
      if (d) expect(d).toMatchObject({ agency: '本报', place: '济宁', credits: [{ role: '通讯员' }] });
    }
  });

  it('reads interview bylines, the editor’s note, run-in heads and sub-heads', () => {
    expect(stories[3]!.interviewByline).toBe('石桥镇党委书记\u3000张小磊');
    expect(stories[4]!.interviewByline).toBe('许庄街道党工委书记\u3000伍恩宇');
    const note = stories[2]!.body.root.children[0]!;
    expect(note.styleId).toBe('note');
    expect(bodyPlainText(stories[2]!.body).startsWith('编者按：2024年，是太白湖新区')).toBe(true);
    const runIns = (s: Story) => s.body.root.children.flatMap((b) => b.children.filter((c) => c.type === 'text' && c.styleId === 'runin').map((c) => (c as { text: string }).text));
    expect(runIns(stories[7]!)).toEqual(['“化繁为简”，大小事务“一网”全覆盖。', '“多网联动”，居民诉求“一程”全解决。']);
    expect(runIns(stories[4]!)[0]).toBe('提站位、抓教育，思想自觉引领行动自觉。');
    const subheads = stories[11]!.body.root.children.filter((b) => b.type === 'subhead').map((b) => (b.children[0] as { text: string }).text);
    expect(subheads).toEqual(['法护芳华\u3000情暖“三八”', '花香聚力量\u3000巾帼绽芳华', '致敬最美军属', '卫健巾帼向党\u3000凝心奋斗绽芳华']);
  });

  it('moves the body that preceded its headline (story 3c) and splits at the change of run-in heads', () => {
    expect(bodyPlainText(stories[3]!.body).trimEnd().endsWith('激发干事创业正能量。')).toBe(true);
    expect(bodyPlainText(stories[4]!.body).startsWith('提站位、抓教育')).toBe(true);
    expect(stories[4]!.importNotes.some((n) => n.rule === 'segment.body-before-headline')).toBe(true);
  });

  it('turns credits into awaited photos: two photo stories and a photo beside story 7', () => {
    expect(stories[5]!.photos).toEqual([{ assetId: null, caption: expect.stringMatching(/^为大力弘扬雷锋精神/), credit: '■通讯员\u3000万众\u3000摄' }]);
    expect(stories[5]!.bylines).toEqual([{ role: '通讯员', names: ['万众'] }]);
    expect(stories[9]!.photos).toEqual([{ assetId: null, caption: '', credit: '■通讯员\u3000威海涛\u3000摄' }]);
    expect(stories[12]!.photos[0]!.credit).toBe('■通讯员\u3000威海涛\u3000摄');
    expect(bodyPlainText(stories[5]!.body)).toBe('');
  });

  it('finds the 专栏 banner and the section label with the stories under them', () => {
    const ids = stories.map((s) => s.id);
    expect(result.sections).toEqual([
      { kind: 'banner', title: '“三争四敢”抓落实\u3000乘势而上再突破·专题访谈', line: 25, storyIds: ids.slice(2, 5) },
      { kind: 'label', title: '学雷锋树新风', line: 53, storyIds: ids.slice(5, 7) },
    ]);
  });

  it('re-joins the column breaks without a space and records them', () => {
    const joins = stories.flatMap((s) => s.importNotes.filter((n) => n.rule === 'join.column-break').map((n) => n.after));
    expect(joins).toEqual(expect.arrayContaining(['提高', '排头', '服务', '混作', '”全', '安全', '制定', '落户']));
    expect(bodyPlainText(stories[0]!.body)).toContain('在解放思想中提高认识');
    expect(bodyPlainText(stories[0]!.body)).toContain('“急先锋”“排头兵”。');
  });

  it('leaves no ASCII comma or bracket next to Chinese, keeps 16.2 and 2+3+N', () => {
    const all = stories.map(storyHan).join('\n');
    expect(all).not.toMatch(/[\p{Script=Han}][,()]|[,()][\p{Script=Han}]/u);
    expect(all).toContain('总投资16.2亿元');
    expect(all).toContain('“2+3+N”产业体系');
    expect(all).toContain('以“庆‘三八’，致敬时代新女性”为主题');
  });

  it('keeps every character of the copy exactly once', () => {
    const imported = stories.map(storyHan).join('') + result.sections.map((s) => s.title).join('');
    expect(hanOf(imported)).toBe(hanOf(samplePage()));
  });

  it('records every decision where the editor will see it', () => {
    expectNotesInPlace(stories);
    const punct = stories.flatMap((s) => s.importNotes.filter((n) => n.rule === 'punct.fullwidth'));
    expect(punct.filter((n) => n.before === ',')).toHaveLength(271);
    // 10 pairs of brackets: 8 in datelines (recorded with the dateline), 2 in running text.
    const datelines = stories.flatMap((s) => s.importNotes.filter((n) => n.rule === 'dateline.parsed'));
    expect(datelines.filter((n) => n.before.includes('(') && n.before.includes(')'))).toHaveLength(8);
    expect(punct.filter((n) => n.before === '(' || n.before === ')')).toHaveLength(4);
  });

  it('builds stories the model accepts, with the editor’s node shapes', () => {
    for (const s of stories) expect(StorySchema.parse(s)).toEqual(s);
  });
});

describe.skipIf(!existsSync(path.join(SAMPLE_ISSUE, 'issue.json')))('import equals the bundled sample issue (resources/sample)', () => {
  const issue = JSON.parse(readFileSync(path.join(SAMPLE_ISSUE, 'issue.json'), 'utf8')) as { storyIds: string[] };
  const wanted = issue.storyIds.map((id) => StorySchema.parse(JSON.parse(readFileSync(path.join(SAMPLE_ISSUE, 'stories', `${id}.json`), 'utf8'))));
  const got = importText(samplePage()).stories;

  it('has the same number of stories', () => {
    expect(readdirSync(path.join(SAMPLE_ISSUE, 'stories'))).toHaveLength(wanted.length);
    expect(got).toHaveLength(wanted.length);
  });

  it.each(wanted.map((w, i) => [w.id, i] as const))('story %s: headline, byline, dateline, body and photos', (_id, i) => {
    const w = wanted[i]!;
    const g = got[i]!;
    expect(g.kind).toBe(w.kind);
    expect(g.headline).toEqual(w.headline);
    expect(g.interviewByline).toBe(w.interviewByline);
    expect(g.bylines).toEqual(w.bylines);
    expect(dateline(g)).toEqual(dateline(w));
    expect(g.body).toEqual(w.body);
    expect(g.photos.map((p) => ({ caption: p.caption, credit: p.credit }))).toEqual(w.photos.map((p) => ({ caption: p.caption, credit: p.credit })));
  });
});

describe('import of constructed copy', () => {
  it('wire copy: 主题 + 副题 and a 新华社 dateline', () => {
    const { stories } = importText(WIRE);
    expect(stories).toHaveLength(1);
    const s = stories[0]!;
    expect(s.kind).toBe('消息');
    expect(s.headline).toEqual({ kicker: [], main: ['春耕备耕有序推进'], sub: ['——多地抢抓农时保障粮食生产'] });
    expect(dateline(s)).toMatchObject({ agency: '新华社', place: '北京', date: '3月4日', credits: [{ role: '记者', names: ['王某某', '李某'] }] });
    expect(dateline(s)!.suffix).toBeUndefined();
    expect(bodyPlainText(s.body)).toMatch(/^新华社北京3月4日电（记者\u3000王某某\u3000李某）眼下正值/);
    expect(s.body.root.children).toHaveLength(2);
    expectNotesInPlace(stories);
  });

  it('an interview: byline, no dateline, Q&A paragraphs with full-width colons', () => {
    const { stories } = importText(INTERVIEW);
    expect(stories).toHaveLength(1);
    const s = stories[0]!;
    expect(s.kind).toBe('专访');
    expect(s.headline.main).toEqual(['做强特色产业\u3000带动群众增收']);
    expect(s.interviewByline).toBe('某某县县长\u3000陈立新');
    expect(bodyPlainText(s.body).split('\n').filter(Boolean)).toEqual([
      '记者：今年县里在产业发展上有哪些打算？',
      '陈立新：我们将围绕特色种植、农产品加工两条主线，推动一二三产业融合发展。',
      '记者：如何让群众分享发展成果？',
      '陈立新：重点是完善联农带农机制，让群众在家门口就业增收。',
    ]);
    expectNotesInPlace(stories);
  });

  it('photo stories: credit on its own line or closing the caption', () => {
    const { stories } = importText(PHOTOS);
    expect(stories.map((s) => s.kind)).toEqual(['图片新闻', '图片新闻']);
    expect(stories[0]!.photos).toEqual([{ assetId: null, caption: '3月5日，农民在田间管理小麦。', credit: '本报记者\u3000张三\u3000摄' }]);
    expect(stories[0]!.bylines).toEqual([{ role: '本报记者', names: ['张三'] }]);
    expect(stories[1]!.headline.main).toEqual(['游客赏花']);
    expect(stories[1]!.photos).toEqual([{ assetId: null, caption: '3月6日，游客在公园赏花。', credit: '新华社记者\u3000李四\u3000摄' }]);
    expect(stories.every((s) => s.importNotes.some((n) => n.rule === 'photo.awaiting'))).toBe(true);
  });

  it('ASCII-punctuated copy: 引题 + 主题 + 副题, several reporters, quotes and numbers', () => {
    const { stories } = importText(ASCII);
    expect(stories).toHaveLength(1);
    const s = stories[0]!;
    expect(s.headline).toEqual({ kicker: ['聚焦高质量发展'], main: ['我市一季度经济运行稳中向好'], sub: ['——规上工业增加值同比增长8.5%'] });
    expect(dateline(s)!.credits).toEqual([{ role: '记者', names: ['王五'] }, { role: '通讯员', names: ['赵六', '钱七'] }]);
    const text = bodyPlainText(s.body);
    expect(text).toContain('增长6.2%，“开门红”成色足。');
    expect(text).toContain('增长8.5%；社会消费品零售总额增长7.1%！下一步，将聚焦“2+3+N”产业体系，总投资16.2亿元。');
    expectNotesInPlace(stories);
  });

  it('PDF-extracted copy: headlines before bodies, a column break, a credit, sub-heads', () => {
    const { stories } = importText(PDF);
    expect(stories.map((s) => s.headline.main[0])).toEqual(['城区道路改造启动', '老旧小区加装电梯', '便民服务进社区']);
    expect(bodyPlainText(stories[0]!.body)).toContain('提升群众出行的便捷性和安全性。');
    expect(stories[0]!.importNotes.find((n) => n.rule === 'join.column-break')).toMatchObject({ before: '捷\n\n性', after: '捷性' });
    expect(dateline(stories[1]!)!.credits).toEqual([{ role: '通讯员', names: ['吴芳', '郑亮'] }]);
    expect(stories[1]!.photos).toEqual([{ assetId: null, caption: '', credit: '■通讯员\u3000吴芳\u3000摄' }]);
    expect(stories[2]!.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']);
    expectNotesInPlace(stories);
  });

  it('a 专栏 banner with an editor’s note and an interview', () => {
    const { stories, sections } = importText(NOTE);
    expect(stories.map((s) => s.kind)).toEqual(['编者按', '专访']);
    expect(sections).toEqual([{ kind: 'banner', title: '作风建设年·专题访谈', line: 1, storyIds: stories.map((s) => s.id) }]);
    expect(bodyPlainText(stories[0]!.body)).toBe('编者按：今年是作风建设年，本报推出专题访谈，敬请关注！\n');
    expect(stories[1]!.interviewByline).toBe('某某镇党委书记\u3000刘洋');
    const runIns = stories[1]!.body.root.children.map((b) => b.children[0]).map((c) => (c?.type === 'text' ? c.styleId : undefined));
    expect(runIns).toEqual(['runin', 'runin']);
  });

  it('gives ids that avoid the issue’s stories', () => {
    const { stories } = importText(WIRE + '\n\n\n' + PHOTOS, { existingIds: ['p1-01', 'p1-03'], idPrefix: 'p1' });
    expect(stories.map((s) => s.id)).toEqual(['p1-02', 'p1-04', 'p1-05']);
  });

  it('imports nothing from empty text', () => {
    expect(importText('\n \n\u3000\n').stories).toEqual([]);
  });
});
