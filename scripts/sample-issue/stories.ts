// The stories of the reference page, one by one as taibaihu-page.md reads it, built from the extracted
// lines (source-lines.ts). Each story says which lines it uses; paragraphs that a column break split are
// re-joined with `rejoin`, and paragraphs the extraction ran together are divided only where a run-in head
// starts (nothing is added or dropped).
import {
  type BlockNodeJSON,
  type BodyJSON,
  type Credit,
  type InlineNodeJSON,
  type StoryKind,
  bodyOf,
  datelineNode,
  paragraphNode,
  subheadNode,
  textNode,
} from '../../src/core/model/index';
import { normalisePunctuation as norm, rejoin } from './normalise';
import { sourceLine as L } from './source-lines';

export interface SamplePhoto {
  /** Key into the photo table of make-sample-issue.ts (which file, which placed size). */
  readonly photo: string;
  readonly caption: string;
  readonly credit: string;
}

export interface SampleStory {
  readonly id: string;
  readonly slug: string;
  readonly kind: StoryKind;
  readonly headline: { kicker: string[]; main: string[]; sub: string[] };
  readonly interviewByline: string;
  readonly bylines: Credit[];
  readonly author: string;
  readonly body: BodyJSON;
  readonly photos: SamplePhoto[];
  /** Lines of taibaihu-page.txt the story is made of (headline, body, caption, credit). */
  readonly sourceLines: number[];
}

const DATELINE = /^本报(.+?)讯\((\S+) ([^)]+)\)/;

/** `本报济宁讯(通讯员 刘春雷)招商…` → a dateline node (本报, 济宁, 通讯员 刘春雷) and the text after it. */
function datelineParagraph(raw: string): BlockNodeJSON {
  const m = DATELINE.exec(raw);
  if (!m) throw new Error(`no dateline at the start of: ${raw.slice(0, 30)}`);
  const [whole, place, role, names] = m as unknown as [string, string, string, string];
  return paragraphNode([
    datelineNode({ agency: '本报', place, credits: [{ role, names: names.split(' ') }] }),
    textNode(norm(raw.slice(whole.length))),
  ]);
}

function para(raw: string, styleId = 'body'): BlockNodeJSON {
  return paragraphNode([textNode(norm(raw))], styleId);
}

/** A paragraph opening with a run-in head: its first sentence (through the first `。`) in the run-in style. */
function runinPara(raw: string): BlockNodeJSON {
  const text = norm(raw);
  const end = text.indexOf('。');
  if (end < 0) throw new Error(`no run-in sentence in: ${text.slice(0, 30)}`);
  const children: InlineNodeJSON[] = [textNode(text.slice(0, end + 1), { styleId: 'runin' }), textNode(text.slice(end + 1))];
  return paragraphNode(children);
}

/** Divides text the extraction ran together before each marker (the markers stay in the text). */
function splitBefore(text: string, ...markers: string[]): string[] {
  const parts: string[] = [];
  let rest = text;
  for (const marker of markers) {
    const at = rest.indexOf(marker);
    if (at <= 0) throw new Error(`marker ${marker} not found`);
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts;
}

const correspondent = (name: string): Credit[] => [{ role: '通讯员', names: [name] }];
const headline = (main: string, parts: { kicker?: string; sub?: string } = {}) => ({
  kicker: parts.kicker ? [norm(parts.kicker)] : [],
  main: [norm(main)],
  sub: parts.sub ? [norm(parts.sub)] : [],
});

const story = (s: Omit<SampleStory, 'interviewByline' | 'bylines' | 'photos'> & Partial<SampleStory>): SampleStory => ({
  interviewByline: '',
  bylines: [],
  photos: [],
  ...s,
});

export const SAMPLE_STORIES: readonly SampleStory[] = [
  // 1. The lead: 主题 l.3, body 7–17 (splits 提/高认识 and “排/头兵” and “一流服/务”).
  story({
    id: 'zhaoshang-yinqiang',
    slug: '聚力重点招大引强',
    kind: '消息',
    author: '刘春雷',
    headline: headline(L(3)),
    body: bodyOf([datelineParagraph(L(7)), para(rejoin(L(9), L(11))), para(rejoin(L(13), L(15), L(17)))]),
    sourceLines: [3, 7, 9, 11, 13, 15, 17],
  }),
  // 2. 主题 in two clauses l.5, body 19–23.
  story({
    id: 'zhongda-xiangmu',
    slug: '重大项目集中开工',
    kind: '消息',
    author: '刘德铭',
    headline: headline(L(5)),
    body: bodyOf([datelineParagraph(L(19)), para(L(21)), para(L(23))]),
    sourceLines: [5, 19, 21, 23],
  }),
  // 3a. The editor's note under the 专栏 banner (l.25, a box title in the layout): l.27.
  story({
    id: 'bianzhean-sanzheng-sigan',
    slug: '“三争四敢”专题访谈编者按',
    kind: '编者按',
    author: '',
    headline: { kicker: [], main: [], sub: [] },
    body: bodyOf([
      (() => {
        const text = norm(L(27));
        const label = '编者按：';
        if (!text.startsWith(label)) throw new Error('编者按 line changed');
        return paragraphNode([textNode(label, { styleId: 'runin' }), textNode(text.slice(label.length))], 'note');
      })(),
    ]),
    sourceLines: [27],
  }),
  // 3b. Interview: 主题 l.29, byline l.31, body 33–39 (split 混/作), each paragraph led by a run-in head.
  story({
    id: 'fangtan-shiqiao',
    slug: '专题访谈·石桥镇',
    kind: '专访',
    author: '',
    headline: headline(L(29)),
    interviewByline: norm(L(31)),
    body: bodyOf([runinPara(L(33)), runinPara(rejoin(L(35), L(37))), runinPara(L(39))]),
    sourceLines: [29, 31, 33, 35, 37, 39],
  }),
  // 3c. Interview: 主题 l.49, byline l.51; its body (41–47, split 公共/服务) precedes it in the extraction.
  story({
    id: 'fangtan-xuzhuang',
    slug: '专题访谈·许庄街道',
    kind: '专访',
    author: '',
    headline: headline(L(49)),
    interviewByline: norm(L(51)),
    body: bodyOf([runinPara(L(41)), runinPara(rejoin(L(43), L(45))), runinPara(L(47))]),
    sourceLines: [41, 43, 45, 47, 49, 51],
  }),
  // 4a. Photo story under the section label 学雷锋树新风 (l.53, a box title): 主题 l.57, caption 59, credit 61.
  story({
    id: 'tupian-leifeng',
    slug: '图片新闻·学雷锋',
    kind: '图片新闻',
    author: '万众',
    headline: headline(L(57)),
    bylines: correspondent('万众'),
    body: bodyOf([]),
    photos: [{ photo: 'leifeng', caption: norm(L(59)), credit: norm(L(61)) }],
    sourceLines: [57, 59, 61],
  }),
  // 4b. 主题 l.63, body 65–71 (split 同时/为群众).
  story({
    id: 'zhuanjia-yizhen',
    slug: '专家义诊暖人心',
    kind: '消息',
    author: '孙瑜',
    headline: headline(L(63)),
    body: bodyOf([datelineParagraph(L(65)), para(rejoin(L(67), L(69))), para(L(71))]),
    sourceLines: [63, 65, 67, 69, 71],
  }),
  // 5. 主题 l.73, body 75–81 (split “一程”/全解决); run-in heads “化繁为简”… and “多网联动”….
  story({
    id: 'duowang-ronghe',
    slug: '多网融合',
    kind: '消息',
    author: '闫丹阳',
    headline: headline(L(73)),
    body: bodyOf([
      datelineParagraph(L(75)),
      ...splitBefore(rejoin(L(77), L(79)), '“多网联动”').map(runinPara),
      para(L(81)),
    ]),
    sourceLines: [73, 75, 77, 79, 81],
  }),
  // 6. 主题 l.83, body 85–89 (split 安/全生产).
  story({
    id: 'kaigong-diyike',
    slug: '开工第一课',
    kind: '消息',
    author: '申长明',
    headline: headline(L(83)),
    body: bodyOf([datelineParagraph(L(85)), para(rejoin(L(87), L(89)))]),
    sourceLines: [83, 85, 87, 89],
  }),
  // 7. 主题 l.91, body 93–103 (splits 研究制/定 and 落/户); the photo of item 8 (credit l.105) runs with it.
  story({
    id: 'xianshouqi-kaimenhong',
    slug: '下好先手棋',
    kind: '消息',
    author: '林通',
    headline: headline(L(91)),
    body: bodyOf([datelineParagraph(L(93)), para(L(95)), para(rejoin(L(97), L(99))), para(rejoin(L(101), L(103)))]),
    photos: [{ photo: 'kaimenhong', caption: '', credit: norm(L(105)) }],
    sourceLines: [91, 93, 95, 97, 99, 101, 103, 105],
  }),
  // 9. 主题 l.107, body 109–113.
  story({
    id: 'songgang-xiaxiang',
    slug: '送岗下乡赶大集',
    kind: '消息',
    author: '万众',
    headline: headline(L(107)),
    body: bodyOf([datelineParagraph(L(109)), para(L(111)), para(L(113))]),
    sourceLines: [107, 109, 111, 113],
  }),
  // 10. 主题 l.115, body 117–137 with sub-heads at l.119, 123, 127, 133.
  story({
    id: 'sanba-funvjie',
    slug: '铿锵玫瑰别样红',
    kind: '消息',
    author: '吴晓萱',
    headline: headline(L(115)),
    body: bodyOf([
      datelineParagraph(L(117)),
      subheadNode(norm(L(119))),
      para(L(121)),
      subheadNode(norm(L(123))),
      para(L(125)),
      subheadNode(norm(L(127))),
      para(L(129)),
      para(L(131)),
      subheadNode(norm(L(133))),
      para(L(135)),
      para(L(137)),
    ]),
    sourceLines: [115, 117, 119, 121, 123, 125, 127, 129, 131, 133, 135, 137],
  }),
  // 11. Photo story: 主题 l.141, caption 143, credit 145.
  story({
    id: 'tupian-hongse-jiyin',
    slug: '图片新闻·红色基因',
    kind: '图片新闻',
    author: '威海涛',
    headline: headline(L(141)),
    bylines: correspondent('威海涛'),
    body: bodyOf([]),
    photos: [{ photo: 'hongse', caption: norm(L(143)), credit: norm(L(145)) }],
    sourceLines: [141, 143, 145],
  }),
];

/** The 专栏 banner (l.25) and the section label (l.53): box titles, not stories. */
export const BANNER_TITLE = norm(L(25));
export const SECTION_LABEL = norm(L(53));
