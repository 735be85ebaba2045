import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  type Frame,
  type IssueMeta,
  type Story,
  IssueSchema,
  StorySchema,
  bodyPlainText,
  bodyToParagraphs,
  spanChars,
} from '../../src/core/model/index';
import { PAGE_TEXT, toSourceForm, traceToPage } from './text-provenance';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'resources', 'sample', '2024-03-08-太白湖新区.yeban');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

const issue: IssueMeta = IssueSchema.parse(readJson('issue.json'));
const stories: Story[] = issue.storyIds.map((id) => StorySchema.parse(readJson(`stories/${id}.json`)));
const byHeadline = (main: string): Story | undefined => stories.find((s) => s.headline.main.join('') === main);
const page = issue.pages[0];
const frames: Frame[] = page?.frames ?? [];

describe('bundled sample issue: files', () => {
  it('issue.json parses, is marked as sample data and holds one 对开 page named 太白湖新区', () => {
    expect(issue.sample).toBe(true);
    expect(issue.geometry.preset).toBe('broadsheet');
    expect(issue.geometry.columns).toBe(8);
    expect(issue.geometry.lines).toBe(123);
    expect(issue.pages).toHaveLength(1);
    expect(page?.name).toBe('太白湖新区');
    expect(page?.number).toMatch(/^\d{2}$/);
    expect(page?.editor).not.toBe('');
  });

  it('every story file is listed, and every listed story has its file named by its id', () => {
    const files = readdirSync(path.join(dir, 'stories')).sort();
    expect(files).toEqual(issue.storyIds.map((id) => `${id}.json`).sort());
    for (const s of stories) expect(issue.storyIds).toContain(s.id);
  });

  it('every frame names an existing story, and every story with copy is placed', () => {
    const ids = new Set(issue.storyIds);
    for (const f of frames) {
      if ('storyId' in f && f.storyId !== null) expect(ids.has(f.storyId), `${f.id} → ${f.storyId}`).toBe(true);
    }
    for (const s of stories) {
      const placed = frames.filter((f) => 'storyId' in f && f.storyId === s.id);
      expect(placed.length, s.id).toBeGreaterThan(0);
      if (s.body.root.children.length > 0) expect(placed.some((f) => f.kind === 'text'), `${s.id} has a text frame`).toBe(true);
      s.photos.forEach((_, i) => expect(placed.some((f) => f.kind === 'image' && f.photoIndex === i), `${s.id} photo ${i}`).toBe(true));
    }
  });

  it('frames lie on the grid: inside 8 columns × 123 lines, unique ids', () => {
    const ids = new Set<string>();
    for (const f of frames) {
      expect(ids.has(f.id)).toBe(false);
      ids.add(f.id);
      expect(f.col + f.span, f.id).toBeLessThanOrEqual(issue.geometry.columns);
      expect(f.line + f.lines, f.id).toBeLessThanOrEqual(issue.geometry.lines);
    }
    const head = frames.find((f) => f.kind === 'runningHead');
    expect(head).toMatchObject({ col: 0, span: 8, line: 0 });
  });

  it('headline frames sit directly over the first text frame of their story, covering its columns', () => {
    for (const h of frames.filter((f) => f.kind === 'headline')) {
      const story = stories.find((s) => s.id === h.storyId);
      if (!story || story.body.root.children.length === 0) continue;
      const text = frames.find((f) => f.kind === 'text' && f.storyId === h.storyId);
      expect(text, h.id).toBeDefined();
      expect(text?.line, h.id).toBe(h.line + h.lines);
      // 盖文题: the headline covers its text (it may also cover a picture beside the text).
      expect(text!.col, h.id).toBeGreaterThanOrEqual(h.col);
      expect(text!.col + text!.span, h.id).toBeLessThanOrEqual(h.col + h.span);
    }
  });

  it('every asset exists, is named by the SHA-256 of its bytes and is described truthfully', async () => {
    expect(issue.assets.length).toBeGreaterThanOrEqual(3);
    let total = 0;
    for (const a of issue.assets) {
      const file = path.join(dir, 'assets', a.id);
      expect(existsSync(file), a.id).toBe(true);
      const bytes = readFileSync(file);
      total += bytes.length;
      expect(`${createHash('sha256').update(bytes).digest('hex')}.jpg`).toBe(a.id);
      expect(a.bytes).toBe(bytes.length);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.space).toBe('cmyk');
      expect(a.colorSpace).toBe('cmyk');
      expect([meta.width, meta.height]).toEqual([a.widthPx, a.heightPx]);
      expect(meta.density).toBe(a.dpi);
      expect(a.source).toContain('GPL-2+');
    }
    expect(readdirSync(path.join(dir, 'assets')).sort()).toEqual(issue.assets.map((a) => a.id).sort());
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('resources/README.md names every photo with its size, package and licence', () => {
    const readme = readFileSync(path.join(root, 'resources', 'README.md'), 'utf8');
    for (const a of issue.assets) {
      const row = readme.split('\n').find((l) => l.includes(`${a.id.slice(0, 8)}…${a.id.slice(60)}`));
      expect(row, a.id).toBeDefined();
      expect(row).toContain(`${a.widthPx} × ${a.heightPx} px`);
      expect(row).toContain(a.originalName);
      expect(row).toContain('mate-backgrounds');
      expect(row).toContain('GPL-2+');
    }
  });

  it('photos are at least 200 ppi at their placed size', () => {
    const g = issue.geometry;
    for (const f of frames) {
      if (f.kind !== 'image') continue;
      const story = stories.find((s) => s.id === f.storyId);
      const asset = issue.assets.find((a) => a.id === story?.photos[f.photoIndex]?.assetId);
      expect(asset, f.id).toBeDefined();
      if (!asset) continue;
      const widthIn = (spanChars(g, f.span) * g.bodySizePt) / 72;
      const heightIn = ((f.lines - f.captionLines) * g.pitchPt) / 72;
      // 'fill' scales the picture to cover the frame: the lower of the two ratios is the effective resolution.
      expect(Math.min(asset.widthPx / widthIn, asset.heightPx / heightIn), f.id).toBeGreaterThanOrEqual(200);
    }
  });
});

describe('bundled sample issue: follows taibaihu-page.md story by story', () => {
  // Item, headline (主题) as printed after normalisation, kind, dateline credit.
  const MAP: [string, string, string, string | null][] = [
    ['1', '太白湖新区聚力重点招大引强', '消息', '刘春雷'],
    ['2', '太白湖新区　重大项目集中开工', '消息', '刘德铭'],
    ['3b', '乡村振兴出亮点　高质量发展破新题', '专访', null],
    ['3c', '新起点呈现新气象　新征程展现新作为', '专访', null],
    ['4a', '传承雷锋精神　践行初心使命', '图片新闻', null],
    ['4b', '专家义诊暖人心', '消息', '孙瑜'],
    ['5', '“多网融合”提档升级', '消息', '闫丹阳'],
    ['6', '“开工第一课”把牢安全关', '消息', '申长明'],
    ['7', '下好先手棋　助力经济“开门红”', '消息', '林通'],
    ['9', '送岗下乡赶大集', '消息', '万众'],
    ['10', '“三八”国际劳动妇女节　铿锵玫瑰别样红', '消息', '吴晓萱'],
    ['11', '传承红色基因　弘扬英烈精神', '图片新闻', null],
  ];

  it.each(MAP)('item %s: %s', (_item, main, kind, correspondent) => {
    const s = byHeadline(main);
    expect(s, main).toBeDefined();
    expect(s?.kind).toBe(kind);
    if (!correspondent || !s) return;
    const first = bodyToParagraphs(s.body)[0];
    expect(first?.runs[0]?.role).toBe('dateline');
    expect(first?.runs.map((r) => r.text).join('')).toMatch(new RegExp(`^本报济宁讯（通讯员\u3000${correspondent}）`));
  });

  it('the 专栏 banner and the 学雷锋树新风 label are box titles', () => {
    const titles = frames.filter((f) => f.kind === 'box').map((f) => f.title);
    expect(titles).toContain('“三争四敢”抓落实\u3000乘势而上再突破·专题访谈');
    expect(titles).toContain('学雷锋树新风');
  });

  it('the 编者按 is a story of its own, boxed, starting with its label', () => {
    const note = stories.find((s) => s.kind === '编者按');
    expect(note).toBeDefined();
    expect(bodyPlainText(note!.body).startsWith('编者按：2024年，是太白湖新区')).toBe(true);
    expect(frames.some((f) => f.kind === 'box' && f.storyId === note!.id)).toBe(true);
  });

  it('interviews carry their bylines', () => {
    expect(byHeadline('乡村振兴出亮点　高质量发展破新题')?.interviewByline).toBe('石桥镇党委书记　张小磊');
    expect(byHeadline('新起点呈现新气象　新征程展现新作为')?.interviewByline).toBe('许庄街道党工委书记　伍恩宇');
  });

  it('photos carry their captions and credits (item 8 runs with item 7)', () => {
    expect(byHeadline('传承雷锋精神　践行初心使命')?.photos[0]).toMatchObject({ credit: '■通讯员　万众　摄' });
    expect(byHeadline('传承雷锋精神　践行初心使命')?.photos[0]?.caption).toMatch(/^为大力弘扬雷锋精神，/);
    expect(byHeadline('下好先手棋　助力经济“开门红”')?.photos[0]).toMatchObject({ caption: '', credit: '■通讯员　威海涛　摄' });
    expect(byHeadline('传承红色基因　弘扬英烈精神')?.photos[0]?.credit).toBe('■通讯员　威海涛　摄');
    for (const s of stories) for (const p of s.photos) expect(p.assetId, s.id).not.toBeNull();
  });

  it('story 10 has its four sub-heads; story 5 and the interviews open paragraphs with run-in heads', () => {
    const sanba = byHeadline('“三八”国际劳动妇女节　铿锵玫瑰别样红')!;
    expect(bodyToParagraphs(sanba.body).filter((p) => p.kind === 'subhead').map((p) => p.runs.map((r) => r.text).join(''))).toEqual([
      '法护芳华　情暖“三八”',
      '花香聚力量　巾帼绽芳华',
      '致敬最美军属',
      '卫健巾帼向党　凝心奋斗绽芳华',
    ]);
    const runins = (main: string): string[] =>
      bodyToParagraphs(byHeadline(main)!.body).flatMap((p) => (p.runs[0]?.styleId === 'runin' ? [p.runs[0].text] : []));
    expect(runins('“多网融合”提档升级')).toEqual(['“化繁为简”，大小事务“一网”全覆盖。', '“多网联动”，居民诉求“一程”全解决。']);
    expect(runins('新起点呈现新气象　新征程展现新作为')[0]).toBe('提站位、抓教育，思想自觉引领行动自觉。');
    expect(runins('乡村振兴出亮点　高质量发展破新题')).toHaveLength(3);
  });
});

describe('bundled sample issue: the reporters\u2019 wording is untouched', () => {
  const texts = stories.flatMap((s) => [
    ...[...s.headline.kicker, ...s.headline.main, ...s.headline.sub].map((t) => ({ what: `${s.id} headline`, text: t })),
    ...(s.interviewByline ? [{ what: `${s.id} byline`, text: s.interviewByline }] : []),
    ...(s.body.root.children.length ? [{ what: `${s.id} body`, text: bodyPlainText(s.body) }] : []),
    ...s.photos.flatMap((p, i) => [
      ...(p.caption ? [{ what: `${s.id} caption ${i}`, text: p.caption }] : []),
      { what: `${s.id} credit ${i}`, text: p.credit },
    ]),
  ]);

  it.each(texts)('$what is taken from the page, in order, adding nothing', ({ text }) => {
    const trace = traceToPage(text);
    expect(trace.unmatched).toBeUndefined();
    expect(trace.ok).toBe(true);
  });

  it('the body of every story with copy is one to three unbroken runs of the page text', () => {
    for (const s of stories) {
      if (s.body.root.children.length === 0) continue;
      // The dateline's brackets are rebuilt from fields, so at most: dateline | body, plus one break for a
      // story whose parts the extraction interleaved with another.
      expect(traceToPage(bodyPlainText(s.body)).segments.length, s.id).toBeLessThanOrEqual(3);
    }
  });

  it('no ASCII , ( ) : ; ! ? is left next to Chinese, and the printed figures keep theirs', () => {
    const all = texts.map((t) => t.text).join('\n');
    expect(all).not.toMatch(/[\u4e00-\u9fff“”][,():;!?]|[,():;!?][\u4e00-\u9fff“”]/u);
    expect(all).toContain('总投资16.2亿元');
    expect(all).toContain('“2+3+N”产业体系');
    expect(all).toContain('春季开学季——英烈事迹进校园');
    expect(all).toContain('以“庆‘三八’，致敬时代新女性”为主题');
  });

  it('the whole page is used: every text line of taibaihu-page.txt reappears somewhere', () => {
    const joined = texts.map((t) => t.text).join('');
    const frameTitles = frames.flatMap((f) => (f.kind === 'box' ? [f.title] : [])).join('');
    const lines = PAGE_TEXT.split('\n').filter((l) => l.trim());
    const haystack = toSourceForm(joined + frameTitles);
    for (const line of lines) expect(haystack, line.slice(0, 20)).toContain(toSourceForm(line));
  });
});

describe('provenance check can fail', () => {
  it('rejects an added word, a changed character and text from elsewhere', () => {
    expect(traceToPage('招商引资是经济发展的源头活水，是事关全区高质量发展的“天字一号”工程。').ok).toBe(true);
    expect(traceToPage('招商引资是经济发展的重要源头活水，是事关全区高质量发展的“天字一号”工程。').ok).toBe(false);
    expect(traceToPage('招商引资是经济发展的源头活水，是事关全区高质量发展的“天字壹号”工程。').ok).toBe(false);
    expect(traceToPage('今天天气很好，我们去公园散步吧。').ok).toBe(false);
  });
});

describe('bundled sample issue: the committed files are what scripts/make-sample-issue.ts makes', () => {
  it('issue.json and every story file match the script byte for byte (else run `npx tsx scripts/make-sample-issue.ts`)', async () => {
    const { buildSampleIssue, jsonText } = await import('../../scripts/make-sample-issue');
    // Photo bytes are checked above (hash, CMYK, ppi); here they enter as the committed asset entries.
    const built = buildSampleIssue(issue.assets);
    expect(readFileSync(path.join(dir, 'issue.json'), 'utf8')).toBe(jsonText(built.issue));
    for (const s of built.stories) expect(readFileSync(path.join(dir, 'stories', `${s.id}.json`), 'utf8'), s.id).toBe(jsonText(s));
  });

  it('resources/README.md lists the photos as the script writes them', async () => {
    const { photoRows } = await import('../../scripts/make-sample-issue');
    expect(readFileSync(path.join(root, 'resources', 'README.md'), 'utf8')).toContain(photoRows(issue, stories));
  });
});
