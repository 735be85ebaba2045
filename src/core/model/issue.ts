import { z } from 'zod';
import { GeometrySchema } from './geometry';
import { StyleCatalogSchema } from './style';
import { HouseSettingsSchema } from './house';
import { PageSchema } from './page';
import { AssetSchema } from './asset';

export const SCHEMA_VERSION = 1;

/** issue.json: everything but the story texts (stories/<id>.json) and image bytes (assets/). */
export const IssueSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  paper: z.string().min(1), // 报名
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD'),
  issueNumber: z.string().default(''), // 总第 N 期
  edition: z.string().default(''),
  geometry: GeometrySchema,
  house: HouseSettingsSchema,
  styles: StyleCatalogSchema,
  pages: z.array(PageSchema),
  /** Stories in budget order; each is a file stories/<id>.json. */
  storyIds: z.array(z.string()),
  assets: z.array(AssetSchema).default([]),
  /** True for the bundled sample: masthead data is invented. */
  sample: z.boolean().default(false),
});
export type IssueMeta = z.infer<typeof IssueSchema>;
