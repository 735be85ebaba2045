// A proofreading finding names where (story, field, offset), what (rule, Chinese message) and a fix.

export const PROOF_RULES = [
  'traditional', 'halfwidth-punct', 'unpaired', 'repeat-word', 'repeat-item', 'latin-word', 'fullwidth-alnum',
  'date-format', 'number-format', 'no-glyph', 'headline-end',
] as const;
export type ProofRule = (typeof PROOF_RULES)[number];

/** What the panel and `yeban check` call each rule. */
export const PROOF_RULE_NAMES: Record<ProofRule, string> = {
  'traditional': '繁体字',
  'halfwidth-punct': '半角标点',
  'unpaired': '标点不成对',
  'repeat-word': '词语重复',
  'repeat-item': '并列项重复',
  'latin-word': '夹用外文',
  'fullwidth-alnum': '全角数字字母',
  'date-format': '日期格式不一致',
  'number-format': '数字格式不一致',
  'no-glyph': '字库缺字',
  'headline-end': '标题末尾标点',
};

/** A finding inside one text, before it is tied to a story and field. */
export interface TextFinding {
  offset: number;
  length: number;
  rule: ProofRule;
  message: string;
  /** Replacement for text[offset, offset + length); '' means delete. */
  suggestion: string;
}

export interface Finding extends TextFinding {
  storyId: string;
  /** 'body', 'headline.main.0', 'interviewByline', 'photos.0.caption', 'photos.0.credit'. */
  field: string;
  /** The text the finding covers. */
  text: string;
}

export interface ProofOptions {
  /** Accepted terms (house.dictionary): findings inside them are dropped. */
  dictionary?: readonly string[];
  /** True when some font of the page can draw the code point (from src/core/fonts coverage). */
  covers?: (codePoint: number) => boolean;
  /** Only these rules; all when absent. */
  rules?: readonly ProofRule[];
}
