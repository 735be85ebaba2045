import { z } from 'zod';

// A story body is Lexical's serialized editor state (plain JSON). src/core never imports lexical:
// these schemas describe the few node types Yeban's editor registers, and `bodyToParagraphs`
// (compose-input.ts) turns them into the composer's input. Lexical's own bookkeeping fields
// (version, direction, format, indent …) pass through untouched.

/** Lexical's text format bitmask (IS_BOLD = 1, IS_ITALIC = 2, …). */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const;

export const TextNodeSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  format: z.number().int().min(0).default(0),
  /** Character style from the catalog (电头, 强调 …). */
  styleId: z.string().optional(),
});
export type TextNodeJSON = z.infer<typeof TextNodeSchema>;

export const LineBreakNodeSchema = z.looseObject({ type: z.literal('linebreak') });

export const CreditSchema = z.object({
  role: z.string().min(1), // 记者, 通讯员, 实习生 …
  names: z.array(z.string().min(1)).min(1),
});
export type Credit = z.infer<typeof CreditSchema>;

/** 电头: `本报济宁讯（通讯员　刘春雷）`, `新华社北京3月4日电（记者　X）`. Inline, first in the first paragraph. */
export const DatelineNodeSchema = z.looseObject({
  type: z.literal('dateline'),
  agency: z.string().min(1), // 本报, 新华社 …
  place: z.string().default(''),
  date: z.string().optional(), // as printed: 3月4日
  /** 讯 for the paper's own copy, 电 for wire copy; derived from the agency when absent.
   *  报道 is the relayed form `据新华社北京3月4日报道`, printed with a leading 据. */
  suffix: z.enum(['讯', '电', '报道']).optional(),
  credits: z.array(CreditSchema).default([]),
});
export type DatelineNodeJSON = z.infer<typeof DatelineNodeSchema>;

export const InlineNodeSchema = z.discriminatedUnion('type', [TextNodeSchema, LineBreakNodeSchema, DatelineNodeSchema]);
export type InlineNodeJSON = z.infer<typeof InlineNodeSchema>;

export const ParagraphNodeSchema = z.looseObject({
  type: z.literal('paragraph'),
  styleId: z.string().default('body'),
  children: z.array(InlineNodeSchema),
});
export type ParagraphNodeJSON = z.infer<typeof ParagraphNodeSchema>;

/** 小标题: a heading line inside the body. */
export const SubheadNodeSchema = z.looseObject({
  type: z.literal('subhead'),
  styleId: z.string().default('subhead'),
  children: z.array(InlineNodeSchema),
});
export type SubheadNodeJSON = z.infer<typeof SubheadNodeSchema>;

export const BlockNodeSchema = z.discriminatedUnion('type', [ParagraphNodeSchema, SubheadNodeSchema]);
export type BlockNodeJSON = z.infer<typeof BlockNodeSchema>;

export const BodySchema = z.object({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(BlockNodeSchema),
  }),
});
export type BodyJSON = z.infer<typeof BodySchema>;

/** The printed form of a dateline: agency + place + date + 讯/电, then the credits in full-width brackets. */
export function datelineText(d: Pick<DatelineNodeJSON, 'agency' | 'place' | 'date' | 'suffix' | 'credits'>): string {
  const suffix = d.suffix ?? (d.agency === '本报' ? '讯' : '电');
  const head = `${suffix === '报道' ? '据' : ''}${d.agency}${d.place}${d.date ?? ''}${suffix}`;
  if (d.credits.length === 0) return head;
  const credits = d.credits.map((c) => `${c.role}\u3000${c.names.join('\u3000')}`).join('\u3000');
  return `${head}（${credits}）`;
}

/** Builders for hand-made bodies (sample issue, tests, import). They produce exactly what the editor saves. */
export function textNode(text: string, extra: { format?: number; styleId?: string } = {}): TextNodeJSON {
  return { type: 'text', version: 1, text, format: extra.format ?? 0, detail: 0, mode: 'normal', style: '', ...(extra.styleId ? { styleId: extra.styleId } : {}) };
}

export function paragraphNode(children: InlineNodeJSON[], styleId = 'body'): ParagraphNodeJSON {
  return { type: 'paragraph', version: 1, styleId, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children };
}

export function subheadNode(text: string, styleId = 'subhead'): SubheadNodeJSON {
  return { type: 'subhead', version: 1, styleId, direction: null, format: '', indent: 0, children: [textNode(text)] };
}

export function datelineNode(d: { agency: string; place: string; date?: string; suffix?: '讯' | '电' | '报道'; credits: { role: string; names: string[] }[] }): DatelineNodeJSON {
  return { version: 1, ...d, type: 'dateline' };
}

export function bodyOf(blocks: BlockNodeJSON[]): BodyJSON {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks } };
}
