import { z } from 'zod';

/** Process colour in percent (0–100 per channel), as the trade states it. */
export const CmykPercentSchema = z.object({
  c: z.number().min(0).max(100),
  m: z.number().min(0).max(100),
  y: z.number().min(0).max(100),
  k: z.number().min(0).max(100),
});
export type CmykPercent = z.infer<typeof CmykPercentSchema>;

export const K100: CmykPercent = { c: 0, m: 0, y: 0, k: 100 };
