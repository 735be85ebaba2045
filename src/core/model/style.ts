import { z } from 'zod';
import { CmykPercentSchema } from './color';
import { HAO_NAMES } from './units';

/** Font roles as the trade names them; the house maps each to font files (TYPESETTING.md §5.5). */
export const FONT_ROLES = ['书宋', '标宋', '黑体', '楷体', '仿宋'] as const;
export const FontRoleSchema = z.enum(FONT_ROLES);
export type FontRole = z.infer<typeof FontRoleSchema>;

export const TypeSizeSchema = z.union([
  z.object({ pt: z.number().positive().max(500) }).strict(),
  z.object({ hao: z.enum(HAO_NAMES) }).strict(),
]);

export const AlignSchema = z.enum(['justify', 'start', 'center', 'end', 'distribute']);
export type Align = z.infer<typeof AlignSchema>;

/** Character formatting shared by paragraph and character styles, in trade units. */
const TypeFields = {
  role: FontRoleSchema,
  weight: z.number().int().min(100).max(900),
  size: TypeSizeSchema,
  /** 长体: horizontal scale in percent (< 100 condenses). */
  scaleX: z.number().min(25).max(400).default(100),
  /** 扁体: vertical scale in percent (< 100 flattens). */
  scaleY: z.number().min(25).max(400).default(100),
  /** Extra space between characters, in em (may be negative for 紧排). */
  trackingEm: z.number().min(-0.5).max(5).default(0),
  color: CmykPercentSchema,
};

export const ParagraphStyleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1), // shown in the UI: 正文, 主题, 引题 …
  ...TypeFields,
  /** Line pitch in body grid lines (1 = the page pitch); display type takes more. */
  leadingLines: z.number().positive().max(20).default(1),
  firstLineIndentEm: z.number().min(0).max(10).default(2),
  align: AlignSchema.default('justify'),
  /** Body lines that must follow a heading in the same column (背题 control). */
  keepWithNextLines: z.number().int().min(0).max(10).default(0),
});
export type ParagraphStyle = z.infer<typeof ParagraphStyleSchema>;

export const CharacterStyleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: FontRoleSchema.optional(),
  weight: z.number().int().min(100).max(900).optional(),
  size: TypeSizeSchema.optional(),
  scaleX: z.number().min(25).max(400).optional(),
  color: CmykPercentSchema.optional(),
});
export type CharacterStyle = z.infer<typeof CharacterStyleSchema>;

export const StyleCatalogSchema = z.object({
  paragraph: z.array(ParagraphStyleSchema).min(1),
  character: z.array(CharacterStyleSchema),
});
export type StyleCatalog = z.infer<typeof StyleCatalogSchema>;

const K = { c: 0, m: 0, y: 0, k: 100 };

/** The catalog a new issue starts with: the styles of a mainland county/district page. */
export const DEFAULT_STYLES: StyleCatalog = {
  paragraph: [
    { id: 'body', name: '正文', role: '书宋', weight: 400, size: { hao: '小五' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 1, firstLineIndentEm: 2, align: 'justify', keepWithNextLines: 0 },
    { id: 'subhead', name: '小标题', role: '黑体', weight: 700, size: { hao: '小五' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 1, firstLineIndentEm: 2, align: 'justify', keepWithNextLines: 2 },
    { id: 'kicker', name: '引题', role: '标宋', weight: 700, size: { hao: '小二' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 2, firstLineIndentEm: 0, align: 'center', keepWithNextLines: 0 },
    { id: 'headline', name: '主题', role: '标宋', weight: 900, size: { hao: '小一' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 3, firstLineIndentEm: 0, align: 'center', keepWithNextLines: 0 },
    { id: 'subtitle', name: '副题', role: '标宋', weight: 700, size: { hao: '四号' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 2, firstLineIndentEm: 0, align: 'center', keepWithNextLines: 0 },
    { id: 'byline', name: '采访署名', role: '楷体', weight: 400, size: { hao: '五号' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 1, firstLineIndentEm: 0, align: 'center', keepWithNextLines: 0 },
    { id: 'note', name: '编者按', role: '楷体', weight: 400, size: { hao: '小五' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 1, firstLineIndentEm: 2, align: 'justify', keepWithNextLines: 0 },
    { id: 'caption', name: '图片说明', role: '楷体', weight: 400, size: { hao: '小五' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 1, firstLineIndentEm: 2, align: 'justify', keepWithNextLines: 0 },
    { id: 'banner', name: '专栏标题', role: '黑体', weight: 700, size: { hao: '三号' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 2, firstLineIndentEm: 0, align: 'center', keepWithNextLines: 0 },
    { id: 'runninghead', name: '报眉', role: '黑体', weight: 400, size: { hao: '小五' }, scaleX: 100, scaleY: 100, trackingEm: 0, color: K, leadingLines: 1, firstLineIndentEm: 0, align: 'start', keepWithNextLines: 0 },
  ],
  character: [
    { id: 'dateline', name: '电头', role: '黑体', weight: 400 },
    { id: 'credit', name: '署名', role: '楷体', weight: 400 },
    { id: 'runin', name: '段首小标题', role: '黑体', weight: 700 },
    { id: 'emphasis', name: '强调', role: '黑体', weight: 400 },
  ],
};
