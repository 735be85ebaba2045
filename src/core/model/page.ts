import { z } from 'zod';
import { FrameSchema } from './frame';

export const PageSchema = z.object({
  id: z.string().min(1),
  /** 版次 as printed: '03', 'A03'. */
  number: z.string().min(1).max(8),
  name: z.string().default(''), // 版名
  editor: z.string().default(''), // 责任编辑
  designer: z.string().default(''), // 版式 / 美编
  proofreader: z.string().default(''), // 校对
  frames: z.array(FrameSchema).default([]),
});
export type Page = z.infer<typeof PageSchema>;
