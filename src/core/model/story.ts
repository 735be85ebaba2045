import { z } from 'zod';
import { BodySchema, CreditSchema } from './body';

export const STORY_KINDS = ['消息', '通讯', '评论', '专访', '图片新闻', '编者按', '言论', '简讯'] as const;
export const StoryKindSchema = z.enum(STORY_KINDS);
export type StoryKind = z.infer<typeof StoryKindSchema>;

/** 草稿 → 待编 → 已编 → 已上版 → 已签发 */
export const STORY_STATUSES = ['草稿', '待编', '已编', '已上版', '已签发'] as const;
export const StoryStatusSchema = z.enum(STORY_STATUSES);
export type StoryStatus = z.infer<typeof StoryStatusSchema>;

/** Each headline part may hold several lines; lines are set as given (a line break is the editor's choice). */
const HeadlineLines = z.array(z.string());

export const HeadlineSchema = z.object({
  kicker: HeadlineLines.default([]), // 引题
  main: HeadlineLines.default([]), // 主题
  sub: HeadlineLines.default([]), // 副题
});
export type Headline = z.infer<typeof HeadlineSchema>;

export const PhotoSchema = z.object({
  /** Asset file name under assets/ (sha256 + extension); null while the picture is still awaited. */
  assetId: z.string().regex(/^[0-9a-f]{64}\.(jpg|png)$/).nullable(),
  caption: z.string().default(''),
  credit: z.string().default(''), // ■通讯员　万众　摄
});
export type Photo = z.infer<typeof PhotoSchema>;

/** One import decision: `before` → `after` at `offset` of `field` ('body', 'headline.main', 'photos.0.credit' …). */
export const ImportNoteSchema = z.object({
  rule: z.string(),
  offset: z.number().int().min(0),
  before: z.string(),
  after: z.string(),
  field: z.string().optional(),
});
export type ImportNote = z.infer<typeof ImportNoteSchema>;

export const StoryIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '稿件编号只能由小写字母、数字和连字符组成');

export const StorySchema = z.object({
  id: StoryIdSchema,
  slug: z.string().min(1).max(100), // 稿件名
  kind: StoryKindSchema,
  headline: HeadlineSchema,
  /** Interview byline under the headline: `石桥镇党委书记　张小磊`. */
  interviewByline: z.string().default(''),
  /** Bylines carried outside the dateline (e.g. 本报记者 X 摄 for photo stories, or a 通讯 byline). */
  bylines: z.array(CreditSchema).default([]),
  body: BodySchema,
  photos: z.array(PhotoSchema).default([]),
  status: StoryStatusSchema.default('草稿'),
  author: z.string().default(''),
  /** Increases on every save; a save must name the revision it started from. */
  revision: z.number().int().min(0).default(0),
  /** 半角式/开明式 per story, else the house style. */
  punctStyle: z.enum(['quanjiao', 'banjiao', 'kaiming']).optional(),
  /** Import decisions kept for review (see src/core/text). `offset` counts UTF-16 units in `field`'s text
   *  (the body's plain text per `bodyPlainText` when `field` is absent or 'body'). */
  importNotes: z.array(ImportNoteSchema).default([]),
  updatedAt: z.string().default(''),
});
export type Story = z.infer<typeof StorySchema>;
