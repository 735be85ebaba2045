import { z } from 'zod';
import { CmykPercentSchema } from './color';

/**
 * Every frame is a rectangle on the page grid: `col`/`span` in basic columns (栏), `line`/`lines` in grid
 * lines (行). Nothing is placed in free pt: that is how baselines stay aligned across the page.
 */
const GridRect = {
  id: z.string().min(1),
  col: z.number().int().min(0),
  span: z.number().int().min(1),
  line: z.number().int().min(0),
  lines: z.number().int().min(1),
};

/** A text frame holds one story's body; `columns` > 1 divides it (长栏/破栏 inside one frame). */
export const TextFrameSchema = z.object({
  ...GridRect,
  kind: z.literal('text'),
  storyId: z.string().min(1),
  /** Columns inside the frame; null = one per basic column spanned. */
  columns: z.number().int().min(1).max(20).nullable().default(null),
  /** Position in the story's thread (续排), 0 first. */
  threadIndex: z.number().int().min(0).default(0),
  /** False: the text ignores the page's wrap (pictures, headline blocks) and runs across them (absent: wraps). */
  wrap: z.boolean().optional(),
});

/** Headline block: the story's 引题/主题/副题 and interview byline, in whole grid lines. */
export const HeadlineFrameSchema = z.object({
  ...GridRect,
  kind: z.literal('headline'),
  storyId: z.string().min(1),
  align: z.enum(['center', 'start']).default('center'),
  /** 长体 for the 主题, percent. */
  scaleX: z.number().min(25).max(100).default(100),
  /** Paragraph style of the 主题 when not 'headline' (the lead's is larger: 'leadHeadline'). */
  style: z.string().min(1).optional(),
  /** The parts this block shows (absent: all; the interview byline goes with the 主题). A jump page's block may carry the 主题 only. */
  parts: z.object({ kicker: z.boolean(), main: z.boolean(), sub: z.boolean() }).strict().optional(),
  /**
   * 竖题: 'vertical' sets each headline line as a column, top to bottom, columns right to left (a side
   * headline). Absent = 'horizontal': files written before the field existed, and frames built in code,
   * need no migration step (optional rather than defaulted so those literals stay valid).
   */
  orientation: z.enum(['horizontal', 'vertical']).optional(),
});

export const ImageFrameSchema = z.object({
  ...GridRect,
  kind: z.literal('image'),
  storyId: z.string().min(1),
  photoIndex: z.number().int().min(0),
  /** Lines under the picture for its caption and credit. */
  captionLines: z.number().int().min(0).default(2),
  /** Text wrap standoff, in characters (horizontal) and lines (vertical). */
  standoffChars: z.number().min(0).max(5).default(1),
  standoffLines: z.number().int().min(0).max(5).default(0),
  fit: z.enum(['fill', 'fit']).default('fill'),
  /** Text wrap (图文互斥); false lets body text run across the picture's area (absent: on). */
  wrap: z.boolean().optional(),
});

export const RuleFrameSchema = z.object({
  ...GridRect,
  kind: z.literal('rule'),
  orientation: z.enum(['horizontal', 'vertical']),
  weightPt: z.number().positive().max(20).default(0.5),
  style: z.enum(['solid', 'dotted', 'dashed', 'double', 'thickthin']).default('solid'),
  color: CmykPercentSchema.default({ c: 0, m: 0, y: 0, k: 100 }),
});

/** 专栏 banner, editor's-note box, tint panel. Optional title drawn at its top. */
export const BoxFrameSchema = z.object({
  ...GridRect,
  kind: z.literal('box'),
  title: z.string().default(''),
  storyId: z.string().nullable().default(null),
  strokePt: z.number().min(0).max(10).default(0.5),
  tint: CmykPercentSchema.nullable().default(null),
});

/** 报眉: page number, 版名, date with weekday, 责任编辑, 版式 — filled from the page and issue. */
export const RunningHeadFrameSchema = z.object({
  ...GridRect,
  kind: z.literal('runningHead'),
});

export const FrameSchema = z.discriminatedUnion('kind', [
  TextFrameSchema, HeadlineFrameSchema, ImageFrameSchema, RuleFrameSchema, BoxFrameSchema, RunningHeadFrameSchema,
]);
export type Frame = z.infer<typeof FrameSchema>;
export type TextFrame = z.infer<typeof TextFrameSchema>;
export type HeadlineFrame = z.infer<typeof HeadlineFrameSchema>;
export type ImageFrame = z.infer<typeof ImageFrameSchema>;
export type RuleFrame = z.infer<typeof RuleFrameSchema>;
export type BoxFrame = z.infer<typeof BoxFrameSchema>;
export type RunningHeadFrame = z.infer<typeof RunningHeadFrameSchema>;
export type FrameKind = Frame['kind'];
