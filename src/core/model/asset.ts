import { z } from 'zod';

/** An image stored under assets/<sha256>.<ext>; never overwritten (content-addressed). */
export const AssetSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}\.(jpg|png)$/),
  format: z.enum(['jpeg', 'png']),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  colorSpace: z.enum(['gray', 'rgb', 'cmyk']),
  /** Resolution stored in the file, if any (pixels per inch). */
  dpi: z.number().positive().nullable().default(null),
  bytes: z.number().int().positive(),
  originalName: z.string().default(''),
  /** Licence and origin, for photos that are not the newsroom's own. */
  source: z.string().default(''),
});
export type Asset = z.infer<typeof AssetSchema>;
