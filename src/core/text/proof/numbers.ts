import { type TextFinding } from './types';

// Number and date formats must agree within a story: 3月4日 beside 三月四日 or 2024.3.4, 1,370 beside 1500,
// and no full-width digits or letters (１２３, ＡＢ).

interface Hit {
  offset: number;
  length: number;
  form: string;
  text: string;
}

const DATE_RE = /(\d{4}年)?\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}/gu;
const NUMBER_RE = /\d{1,3}(?:,\d{3})+(?!\d)|\d{4,}(?![\d年])/gu;
const FULLWIDTH_RE = /[０-９Ａ-Ｚａ-ｚ％]+/gu;

function dateForm(text: string): string {
  if (/^[一二三四五六七八九十]/u.test(text)) return '汉字';
  if (text.includes('月')) return '阿拉伯数字';
  return text.includes('.') ? '圆点' : text.includes('-') ? '连字符' : '斜线';
}

function toYmd(text: string): string | null {
  const m = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/.exec(text);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : null;
}

/** Minority forms are reported against the most frequent one. */
function minority(hits: Hit[]): { hit: Hit; major: string }[] {
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.form, (counts.get(h.form) ?? 0) + 1);
  if (counts.size < 2) return [];
  const major = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return hits.filter((h) => h.form !== major).map((hit) => ({ hit, major }));
}

/** `texts` are all texts of one story, each with its own findings list (same index). */
export function findNumberFormats(texts: readonly string[]): TextFinding[][] {
  const out: TextFinding[][] = texts.map(() => []);
  const dates: (Hit & { index: number })[] = [];
  const numbers: (Hit & { index: number })[] = [];
  texts.forEach((text, index) => {
    // Years before 年 and 4-digit dates are not quantities.
    const masked = text.replace(DATE_RE, (m) => ' '.repeat(m.length));
    for (const m of text.matchAll(DATE_RE)) dates.push({ index, offset: m.index, length: m[0].length, form: dateForm(m[0]), text: m[0] });
    for (const m of masked.matchAll(NUMBER_RE)) {
      if (masked[m.index - 1] === '.' || masked[m.index + m[0].length] === '.') continue;
      numbers.push({ index, offset: m.index, length: m[0].length, form: m[0].includes(',') ? '千分位' : '无分隔', text: m[0] });
    }
    for (const m of text.matchAll(FULLWIDTH_RE)) {
      const half = m[0].replace(/[０-９Ａ-Ｚａ-ｚ％]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      out[index]!.push({ offset: m.index, length: m[0].length, rule: 'fullwidth-alnum', message: `全角数字或字母“${m[0]}”`, suggestion: half });
    }
  });
  for (const { hit, major } of minority(dates)) {
    const ymd = toYmd(hit.text);
    out[(hit as Hit & { index: number }).index]!.push({
      offset: hit.offset, length: hit.length, rule: 'date-format', message: `日期“${hit.text}”与本稿多数（${major}）写法不一致`, suggestion: major === '阿拉伯数字' && ymd ? ymd : hit.text,
    });
  }
  for (const { hit, major } of minority(numbers)) {
    const suggestion = major === '千分位' ? Number(hit.text).toLocaleString('en-US') : hit.text.replace(/,/g, '');
    out[(hit as Hit & { index: number }).index]!.push({
      offset: hit.offset, length: hit.length, rule: 'number-format', message: `数字“${hit.text}”与本稿多数（${major}）写法不一致`, suggestion,
    });
  }
  for (const list of out) list.sort((a, b) => a.offset - b.offset);
  return out;
}
