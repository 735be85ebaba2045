import { SPACE_CLASS } from './chars';

// Interview byline under a 专访 headline: `石桥镇党委书记 张小磊` (职务 + 姓名), TYPESETTING.md §6.4.

const TITLE_WORDS = [
  '书记', '副书记', '主任', '局长', '县长', '区长', '镇长', '乡长', '市长', '省长', '部长', '主席', '院长', '校长', '经理', '董事长', '总经理',
  '厂长', '所长', '站长', '队长', '社长', '总编辑', '代表', '委员', '处长', '科长', '村长', '负责人', '会长', '理事长', '行长', '总裁',
  '教授', '专家', '主任委员', '工委书记', '党委书记', '总监', '秘书长', '馆长', '团长', '指挥长', '园长',
];
const TITLE = `([\\p{Script=Han}（）]{1,20}?(?:${TITLE_WORDS.join('|')}))`;
const BYLINE_RE = new RegExp(`^(?:——${SPACE_CLASS}*(?:访|专访))?${TITLE}${SPACE_CLASS}+([\\p{Script=Han}·]{2,4})$`, 'u');

export interface InterviewByline {
  title: string;
  name: string;
  /** Printed form, title and name separated by U+3000. */
  text: string;
}

export function parseInterviewByline(line: string): InterviewByline | null {
  const m = BYLINE_RE.exec(line.trim());
  if (!m) return null;
  return { title: m[1]!, name: m[2]!, text: `${m[1]!}\u3000${m[2]!}` };
}
