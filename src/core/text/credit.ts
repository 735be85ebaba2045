import { type Credit } from '../model/body';
import { SPACE_CLASS } from './chars';

// Photo credits (TYPESETTING.md §6.4): `■通讯员 万众 摄`, `本报记者 X 摄`, `X摄`, `X 摄影报道`,
// `X摄（影像中国）`, `（本报记者 X 摄）` at the end of a caption.

export interface ParsedPhotoCredit {
  /** Printed form, role, names and verb separated by U+3000: `■通讯员 万众 摄`. */
  text: string;
  credits: Credit[];
  source: string;
}

const S = `${SPACE_CLASS}*`;
const ROLE = '(本报特约记者|本报见习记者|本报通讯员|本报记者|新华社记者|新华社发|融媒体记者|全媒体记者|特约通讯员|特约摄影|特约记者|见习记者|摄影记者|实习生|通讯员|记者)?';
const NAMES = `([\\p{Script=Han}·]{2,5}(?:(?:${SPACE_CLASS}|[、，,])+[\\p{Script=Han}·]{2,5}){0,3})`;
const VERB = '(摄影报道|摄影|摄|供图)';
const SOURCE = `([（(][^（）()]{2,12}[）)])?`;
const CREDIT_BODY = `([■□▲●◆]?)${S}${ROLE}${S}${NAMES}${S}${VERB}${S}${SOURCE}`;
const WHOLE_RE = new RegExp(`^${CREDIT_BODY}$`, 'u');
const BRACKETED_RE = new RegExp(`^[（(]${S}${ROLE}${S}${NAMES}${S}${VERB}${S}[）)]$`, 'u');

function build(bullet: string, role: string | undefined, names: string, verb: string, source: string | undefined, raw: string): ParsedPhotoCredit | null {
  const list = names.split(new RegExp(`(?:${SPACE_CLASS}|[、，,])+`, 'u')).filter((n) => n.length > 0);
  // Without a role the verb is glued to a bare name; a long run of Han is a sentence, not a name.
  if (!role && list.some((n) => n.length > 4)) return null;
  const parts = [role ? `${role}` : '', list.join('\u3000'), verb].filter((p) => p.length > 0);
  const fullSource = source ? source.replace(/^\(/, '（').replace(/\)$/, '）') : '';
  return {
    text: `${bullet}${parts.join('\u3000')}${fullSource}`,
    credits: [{ role: role ?? '摄影', names: list }],
    source: raw,
  };
}

/** A whole line that is a photo credit, or null. */
export function parsePhotoCredit(text: string): ParsedPhotoCredit | null {
  const t = text.trim();
  const bracketed = BRACKETED_RE.exec(t);
  if (bracketed) return build('', bracketed[1], bracketed[2]!, bracketed[3]!, undefined, t);
  const m = WHOLE_RE.exec(t);
  if (!m) return null;
  return build(m[1]!, m[2], m[3]!, m[4]!, m[5], t);
}

/** A caption that ends with its credit: `…游览。本报记者 张三 摄` or `…游览。（新华社记者 李四 摄）`. */
export function splitTrailingCredit(text: string): { caption: string; credit: ParsedPhotoCredit } | null {
  // Earliest boundary first, so the role (本报记者) stays with the names.
  for (let i = Math.max(1, text.length - 40); i < text.length - 1; i++) {
    const prev = text[i - 1]!;
    if (!'。！？”■ \u3000\u00a0'.includes(prev) && text[i] !== '■' && text[i] !== '（' && text[i] !== '(') continue;
    const credit = parsePhotoCredit(text.slice(i));
    if (credit) {
      const caption = text.slice(0, i).trimEnd();
      if (caption.length > 0) return { caption, credit };
    }
  }
  return null;
}
