import { type Credit } from '../model/body';
import { SPACE_CLASS } from './chars';

// 电头 in the forms of TYPESETTING.md §6.4: 本报讯 / 本报X地讯 / 本报X地X月X日讯 / 新华社X地X月X日电 /
// 据…报道, followed by credits in full-width or ASCII brackets with any spacing.

export interface ParsedDateline {
  agency: string;
  place: string;
  date?: string;
  suffix: '讯' | '电' | '报道';
  credits: Credit[];
  /** Length of the source text the dateline occupied, including the spaces after it. */
  length: number;
  /** The source text of the dateline (for the import note). */
  source: string;
}

const S = `${SPACE_CLASS}*`;
const AGENCIES = [
  '本报', '新华社', '中新社', '中国新闻社', '人民网', '新华网', '中新网', '央视网', '中国日报网', '人民日报', '光明日报', '经济日报',
  '法制日报', '科技日报', '工人日报', '农民日报', '大众日报', '大众网', '央视新闻', '中央广播电视总台', '中国青年报', '环球时报',
];
const AGENCY = `(${AGENCIES.join('|')}|[\\p{Script=Han}]{2,8}?(?:通讯社|电视台|广播电台|日报|晚报|报社))`;
const PLACE = `([\\p{Script=Han}]{0,10}?)`;
const DATE = `((?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日|\\d{1,2}日)?`;
const OPEN = '[（(]';
const CLOSE = '[）)]';

const HEAD_RE = new RegExp(`^${AGENCY}${S}${PLACE}${S}${DATE}${S}(讯|电)`, 'u');
const RELAYED_RE = new RegExp(`^据${S}${AGENCY}${S}${PLACE}${S}${DATE}${S}(?:电|消息)?${S}报道${S}[，,：:]?`, 'u');
const CREDITS_RE = new RegExp(`^${S}${OPEN}([^（）()]{2,60})${CLOSE}${S}`, 'u');

/** Credit roles, longest first so 本报记者 wins over 记者. */
const ROLES = [
  '本报特约记者', '本报见习记者', '本报通讯员', '本报记者', '融媒体记者', '全媒体记者', '特约通讯员', '特约记者', '见习记者', '首席记者',
  '摄影记者', '实习记者', '新华社记者', '通讯员', '实习生', '记者',
].sort((a, b) => b.length - a.length);
const ROLE_RE = new RegExp(`^(${ROLES.join('|')})`, 'u');
const NAME_RE = /^[\p{Script=Han}·•]{2,5}$/u;

/**
 * Credits as printed inside the dateline brackets: `记者 甲 通讯员 乙 丙`, `记者甲、乙`, `通讯员 刘春雷`.
 * Returns null when the text is not a list of role + names (then it is not a credit bracket).
 */
export function parseCredits(text: string): Credit[] | null {
  const tokens = text.split(new RegExp(`(?:${SPACE_CLASS}|[、，,])+`, 'u')).filter((t) => t.length > 0);
  const credits: Credit[] = [];
  for (let token of tokens) {
    const role = ROLE_RE.exec(token);
    if (role) {
      credits.push({ role: role[1]!, names: [] });
      token = token.slice(role[1]!.length);
      if (token.length === 0) continue;
    }
    const current = credits[credits.length - 1];
    if (!current || !NAME_RE.test(token)) return null;
    current.names.push(token);
  }
  if (credits.length === 0 || credits.some((c) => c.names.length === 0)) return null;
  return credits;
}

/** The dateline opening `text`, or null. */
export function parseDateline(text: string): ParsedDateline | null {
  const relayed = RELAYED_RE.exec(text);
  if (relayed) {
    return {
      agency: relayed[1]!, place: relayed[2] ?? '', ...(relayed[3] ? { date: relayed[3] } : {}), suffix: '报道', credits: [],
      length: relayed[0].length, source: relayed[0],
    };
  }
  const head = HEAD_RE.exec(text);
  if (!head) return null;
  let length = head[0].length;
  let credits: Credit[] = [];
  const bracket = CREDITS_RE.exec(text.slice(length));
  if (bracket) {
    const parsed = parseCredits(bracket[1]!);
    if (parsed) {
      credits = parsed;
      length += bracket[0].length;
    }
  } else {
    const spaces = new RegExp(`^${S}`, 'u').exec(text.slice(length));
    length += spaces ? spaces[0].length : 0;
  }
  const agency = head[1]!;
  const suffix = head[4] === '电' ? '电' : '讯';
  return {
    agency, place: head[2] ?? '', ...(head[3] ? { date: head[3] } : {}), suffix, credits,
    length, source: text.slice(0, length),
  };
}
