// Builds the bundled sample issue resources/sample/2024-03-08-太白湖新区.yeban/ from the reference page
// (../shared/samples/taibaihu-page.md): its stories (scripts/sample-issue/stories.ts), one 对开 page laid out
// on the 8 × 123 grid (FRAMES below), and three photographs from Debian's mate-backgrounds separated to
// CMYK JPEG within the house ink limit for newsprint. The output is committed; run again after changing anything here:
//   npx tsx scripts/make-sample-issue.ts
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import {
  type Asset,
  BROADSHEET,
  DEFAULT_HOUSE,
  DEFAULT_STYLES,
  type Frame,
  type IssueMeta,
  IssueSchema,
  SCHEMA_VERSION,
  type Story,
  StorySchema,
  spanChars,
} from '../src/core/model/index';
import { separateForNewsprint } from '../src/main/services/newsprint-separation';
import { withJfifDensity } from './sample-issue/jpeg-density';
import { BANNER_TITLE, SAMPLE_STORIES, SECTION_LABEL } from './sample-issue/stories';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SAMPLE_DIR = path.join(root, 'resources', 'sample', '2024-03-08-太白湖新区.yeban');

const GEOMETRY = BROADSHEET;
/** Pixels per inch at the placed size: above the house minimum of 200, with room for the layout to grow a frame. */
const PHOTO_PPI = 250;

// ─── The page: every frame on the grid (columns 0–7, lines 0–122) ─────────────────────────────────────────
// Three bands under the 报眉, as a district page is made up:
//   A  lines  3–22  lead story (5 columns) and the project story (3 columns)
//   B  lines 24–64  专栏 box with the editor's note and two interviews (5 columns) | 学雷锋树新风 box (3 columns)
//   C  lines 66–122 三八 story and a photo story (3 columns) | 开门红 beside its photo, three short stories under a rule (5 columns)
// Line counts are first estimates from the copy lengths; the layout engine's copyfit report refines them.

type Row =
  | { kind: 'runningHead'; col: number; span: number; line: number; lines: number }
  | { kind: 'rule'; col: number; span: number; line: number; lines: number }
  | { kind: 'box'; col: number; span: number; line: number; lines: number; title?: string; story?: string; tint?: number }
  | { kind: 'headline'; story: string; col: number; span: number; line: number; lines: number }
  | { kind: 'text'; story: string; col: number; span: number; line: number; lines: number; columns?: number }
  | { kind: 'image'; story: string; col: number; span: number; line: number; lines: number; captionLines: number; photo?: number };

const S = {
  lead: 'zhaoshang-yinqiang',
  projects: 'zhongda-xiangmu',
  note: 'bianzhean-sanzheng-sigan',
  shiqiao: 'fangtan-shiqiao',
  xuzhuang: 'fangtan-xuzhuang',
  leifeng: 'tupian-leifeng',
  yizhen: 'zhuanjia-yizhen',
  duowang: 'duowang-ronghe',
  kaigong: 'kaigong-diyike',
  kaimenhong: 'xianshouqi-kaimenhong',
  songgang: 'songgang-xiaxiang',
  sanba: 'sanba-funvjie',
  hongse: 'tupian-hongse-jiyin',
} as const;

export const FRAMES: readonly Row[] = [
  // 报眉: 版次, 版名, date, editors, closed by its rule.
  { kind: 'runningHead', col: 0, span: 8, line: 0, lines: 3 },

  // Band A
  { kind: 'headline', story: S.lead, col: 0, span: 5, line: 3, lines: 6 },
  { kind: 'text', story: S.lead, col: 0, span: 5, line: 9, lines: 14 },
  { kind: 'headline', story: S.projects, col: 5, span: 3, line: 3, lines: 6 },
  { kind: 'text', story: S.projects, col: 5, span: 3, line: 9, lines: 14 },
  { kind: 'rule', col: 0, span: 8, line: 23, lines: 1 },

  // Band B, left: the 专栏 box (banner as its title), the boxed 编者按, two interviews.
  { kind: 'box', col: 0, span: 5, line: 24, lines: 41, title: BANNER_TITLE },
  { kind: 'box', col: 0, span: 5, line: 27, lines: 4, story: S.note },
  { kind: 'text', story: S.note, col: 0, span: 5, line: 28, lines: 2, columns: 1 },
  { kind: 'headline', story: S.shiqiao, col: 0, span: 5, line: 31, lines: 7 },
  { kind: 'text', story: S.shiqiao, col: 0, span: 5, line: 38, lines: 8 },
  { kind: 'headline', story: S.xuzhuang, col: 0, span: 5, line: 46, lines: 7 },
  { kind: 'text', story: S.xuzhuang, col: 0, span: 5, line: 53, lines: 10 },

  // Band B, right: section label 学雷锋树新风 over the photo story and the 义诊 story.
  { kind: 'box', col: 5, span: 3, line: 24, lines: 41, title: SECTION_LABEL },
  { kind: 'headline', story: S.leifeng, col: 5, span: 3, line: 27, lines: 3 },
  { kind: 'image', story: S.leifeng, col: 5, span: 3, line: 30, lines: 20, captionLines: 7 },
  { kind: 'headline', story: S.yizhen, col: 5, span: 3, line: 50, lines: 3 },
  { kind: 'text', story: S.yizhen, col: 5, span: 3, line: 53, lines: 11 },
  { kind: 'rule', col: 0, span: 8, line: 65, lines: 1 },

  // Band C, left: 三八 story, then the photo story 红色基因.
  { kind: 'headline', story: S.sanba, col: 0, span: 3, line: 66, lines: 6 },
  { kind: 'text', story: S.sanba, col: 0, span: 3, line: 72, lines: 24 },
  { kind: 'headline', story: S.hongse, col: 0, span: 3, line: 96, lines: 3 },
  { kind: 'image', story: S.hongse, col: 0, span: 3, line: 99, lines: 24, captionLines: 5 },

  // Band C, right: 开门红 beside its photo (credit only); under a rule, three short stories.
  { kind: 'headline', story: S.kaimenhong, col: 3, span: 5, line: 66, lines: 6 },
  { kind: 'text', story: S.kaimenhong, col: 5, span: 3, line: 72, lines: 19 },
  { kind: 'image', story: S.kaimenhong, col: 3, span: 2, line: 72, lines: 19, captionLines: 1 },
  { kind: 'rule', col: 3, span: 5, line: 91, lines: 1 },
  { kind: 'headline', story: S.kaigong, col: 3, span: 2, line: 92, lines: 7 },
  { kind: 'text', story: S.kaigong, col: 3, span: 2, line: 99, lines: 24 },
  { kind: 'headline', story: S.duowang, col: 5, span: 3, line: 92, lines: 4 },
  { kind: 'text', story: S.duowang, col: 5, span: 3, line: 96, lines: 14 },
  { kind: 'headline', story: S.songgang, col: 5, span: 3, line: 110, lines: 3 },
  { kind: 'text', story: S.songgang, col: 5, span: 3, line: 113, lines: 10 },
];

// ─── Photographs: Debian package mate-backgrounds (GPL-2+), see resources/README.md ─────────────────────
const MATE_NATURE = '/usr/share/backgrounds/mate/nature';
export const PHOTOS: Readonly<Record<string, { file: string; copyright: string }>> = {
  leifeng: { file: 'Garden.jpg', copyright: '2008 Charles Barbin' },
  kaimenhong: { file: 'YellowFlower.jpg', copyright: '2008 Charles Barbin' },
  hongse: { file: 'FreshFlower.jpg', copyright: '2005 Jens Ansorg' },
};

function frameId(row: Row, index: number): string {
  const owner = 'story' in row && row.story ? row.story : row.kind;
  return `${String(index).padStart(2, '0')}-${row.kind}-${owner}`;
}

function toFrame(row: Row, index: number): Frame {
  const id = frameId(row, index);
  const rect = { id, col: row.col, span: row.span, line: row.line, lines: row.lines };
  switch (row.kind) {
    case 'runningHead':
      return { ...rect, kind: 'runningHead' };
    case 'rule':
      return { ...rect, kind: 'rule', orientation: 'horizontal', weightPt: 0.5, style: 'solid', color: { c: 0, m: 0, y: 0, k: 100 } };
    case 'box':
      return { ...rect, kind: 'box', title: row.title ?? '', storyId: row.story ?? null, strokePt: 0.5, tint: row.tint ? { c: 0, m: 0, y: 0, k: row.tint } : null };
    case 'headline':
      return { ...rect, kind: 'headline', storyId: row.story, align: 'center', scaleX: 100 };
    case 'text':
      return { ...rect, kind: 'text', storyId: row.story, columns: row.columns ?? null, threadIndex: 0 };
    case 'image':
      return { ...rect, kind: 'image', storyId: row.story, photoIndex: row.photo ?? 0, captionLines: row.captionLines, standoffChars: 1, standoffLines: 0, fit: 'fill' };
  }
}

/** The picture area of an image frame in pt (its caption lines excluded). */
function pictureSizePt(row: Extract<Row, { kind: 'image' }>): { width: number; height: number } {
  return { width: spanChars(GEOMETRY, row.span) * GEOMETRY.bodySizePt, height: (row.lines - row.captionLines) * GEOMETRY.pitchPt };
}

async function makePhoto(key: string, row: Extract<Row, { kind: 'image' }>, assetsDir: string): Promise<Asset> {
  const photo = PHOTOS[key];
  if (!photo) throw new Error(`no photo ${key} in PHOTOS`);
  const size = pictureSizePt(row);
  const widthPx = Math.ceil((size.width / 72) * PHOTO_PPI);
  const heightPx = Math.ceil((size.height / 72) * PHOTO_PPI);
  const source = path.join(MATE_NATURE, photo.file);
  const cmyk = await separateForNewsprint(
    sharp(await readFile(source)).resize(widthPx, heightPx, { fit: 'cover', position: 'attention' }),
    DEFAULT_HOUSE.output.tacLimit,
    80,
  );
  const bytes = withJfifDensity(cmyk, PHOTO_PPI);
  const meta = await sharp(bytes).metadata();
  if (meta.space !== 'cmyk' || meta.width !== widthPx || meta.height !== heightPx || meta.density !== PHOTO_PPI) {
    throw new Error(`${photo.file}: expected a ${widthPx}×${heightPx} CMYK JPEG at ${PHOTO_PPI} ppi, got ${meta.width}×${meta.height} ${meta.space} at ${meta.density}`);
  }
  const id = `${createHash('sha256').update(bytes).digest('hex')}.jpg`;
  await writeFile(path.join(assetsDir, id), bytes);
  return {
    id,
    format: 'jpeg',
    widthPx,
    heightPx,
    colorSpace: 'cmyk',
    dpi: PHOTO_PPI,
    bytes: bytes.length,
    originalName: photo.file,
    source: `Debian mate-backgrounds, nature/${photo.file}, © ${photo.copyright}, GPL-2+`,
  };
}

/** Where each story's photos are placed: the image frame row for (story, photo index). */
function imageRow(storyId: string, index: number): Extract<Row, { kind: 'image' }> {
  const row = FRAMES.find((r): r is Extract<Row, { kind: 'image' }> => r.kind === 'image' && r.story === storyId && (r.photo ?? 0) === index);
  if (!row) throw new Error(`story ${storyId} photo ${index} has no image frame`);
  return row;
}

/**
 * The issue and its stories, given the photo assets in story order (one per photo). Pure, so the tests
 * can check that the committed files are what this script makes.
 */
export function buildSampleIssue(assets: readonly Asset[]): { issue: IssueMeta; stories: Story[] } {
  const photoCount = SAMPLE_STORIES.reduce((n, s) => n + s.photos.length, 0);
  if (assets.length !== photoCount) throw new Error(`expected ${photoCount} photo assets, got ${assets.length}`);
  let next = 0;
  const stories = SAMPLE_STORIES.map((s) =>
    StorySchema.parse({
      id: s.id,
      slug: s.slug,
      kind: s.kind,
      headline: s.headline,
      interviewByline: s.interviewByline,
      bylines: s.bylines,
      body: s.body,
      photos: s.photos.map((p) => ({ assetId: (assets[next++] as Asset).id, caption: p.caption, credit: p.credit })),
      status: '已上版',
      author: s.author,
      revision: 1,
      importNotes: [],
      updatedAt: '2024-03-07T21:30:00+08:00',
    }),
  );
  // Masthead data is not in the source text: invented, and the issue says so (`sample: true`).
  const issue = IssueSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    id: 'jnrb-2024-03-08',
    paper: '济宁日报',
    date: '2024-03-08',
    issueNumber: '总第24816期',
    edition: '',
    geometry: GEOMETRY,
    house: DEFAULT_HOUSE,
    styles: DEFAULT_STYLES,
    pages: [
      {
        id: 'page-07',
        number: '07',
        name: '太白湖新区',
        editor: '王静',
        designer: '李娜',
        proofreader: '张强',
        frames: FRAMES.map(toFrame),
      },
    ],
    storyIds: SAMPLE_STORIES.map((s) => s.id),
    assets,
    sample: true,
  });
  return { issue, stories };
}

const README = path.join(root, 'resources', 'README.md');
const PHOTO_ROWS = /<!-- photos:begin[^>]*-->[\s\S]*?<!-- photos:end -->/u;

/** The rows of resources/README.md's file table for the photos, so the README never drifts from the assets. */
export function photoRows(issue: IssueMeta, stories: readonly Story[]): string {
  const rows = issue.assets.map((a) => {
    const story = stories.find((s) => s.photos.some((p) => p.assetId === a.id));
    const what = story?.kind === '图片新闻' ? `photo for 图片新闻 \`${story.headline.main.join('')}\`` : `photo running with \`${story?.headline.main.join('') ?? '?'}\``;
    const credit = story?.photos.find((p) => p.assetId === a.id)?.credit ?? '';
    const origin = `Debian package **mate-backgrounds** 1.26.0, \`${MATE_NATURE}/${a.originalName}\`, © ${PHOTOS_BY_FILE.get(a.originalName) ?? '?'}, **GPL-2+**`;
    return `| \`assets/${a.id.slice(0, 8)}…${a.id.slice(60)}\` | ${what} (credit \`${credit}\`), ${a.widthPx} × ${a.heightPx} px CMYK JPEG, ${a.dpi ?? '?'} ppi | ${origin} |`;
  });
  return ['<!-- photos:begin (written by scripts/make-sample-issue.ts) -->', ...rows, '<!-- photos:end -->'].join('\n');
}

const PHOTOS_BY_FILE = new Map(Object.values(PHOTOS).map((p) => [p.file, p.copyright]));

/** The file texts exactly as written (2-space JSON and a final newline). */
export const jsonText = (data: unknown): string => JSON.stringify(data, null, 2) + '\n';

async function main(): Promise<void> {
  await rm(SAMPLE_DIR, { recursive: true, force: true });
  const storiesDir = path.join(SAMPLE_DIR, 'stories');
  const assetsDir = path.join(SAMPLE_DIR, 'assets');
  await mkdir(storiesDir, { recursive: true });
  await mkdir(assetsDir, { recursive: true });

  // Photos, sized for the image frame that places them.
  const assets: Asset[] = [];
  for (const story of SAMPLE_STORIES) {
    for (const [index, photo] of story.photos.entries()) assets.push(await makePhoto(photo.photo, imageRow(story.id, index), assetsDir));
  }

  const { issue, stories } = buildSampleIssue(assets);
  for (const story of stories) await writeFile(path.join(storiesDir, `${story.id}.json`), jsonText(story));
  await writeFile(path.join(SAMPLE_DIR, 'issue.json'), jsonText(issue));
  const readme = await readFile(README, 'utf8');
  if (!PHOTO_ROWS.test(readme)) throw new Error('resources/README.md lost its <!-- photos:begin/end --> markers');
  await writeFile(README, readme.replace(PHOTO_ROWS, photoRows(issue, stories)));

  const total = assets.reduce((n, a) => n + a.bytes, 0);
  process.stdout.write(`${path.relative(root, SAMPLE_DIR)}: ${stories.length} stories, ${FRAMES.length} frames, ${assets.length} photos (${(total / 1024).toFixed(0)} KB)\n`);
}

// Run only as a script (`npx tsx scripts/make-sample-issue.ts`), not when a test imports buildSampleIssue.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
