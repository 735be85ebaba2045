import { z } from 'zod';
import { HAO_NAMES, DEFAULT_HAO_TABLE } from './units';
import { FontRoleSchema } from './style';

export const KinsokuLevelSchema = z.enum(['none', 'basic', 'gb', 'strict']);
export type KinsokuLevel = z.infer<typeof KinsokuLevelSchema>;

/** 全角式 (quanjiao), 半角式 (banjiao), 开明式 (kaiming): TYPESETTING.md §2.3. */
export const PunctStyleSchema = z.enum(['quanjiao', 'banjiao', 'kaiming']);
export type PunctStyle = z.infer<typeof PunctStyleSchema>;

/** A font file the newsroom registered for a role (replaces the bundled stand-in). */
export const FontFileRefSchema = z.object({
  role: FontRoleSchema,
  weight: z.number().int().min(100).max(900),
  /** 'fontsource:<package>/<weight>' for bundled faces, or 'file:<absolute path>' (TTF/OTF/TTC). */
  file: z.string().min(1),
  /** Face index inside a TTC collection. */
  index: z.number().int().min(0).default(0),
  family: z.string().min(1),
});
export type FontFileRef = z.infer<typeof FontFileRefSchema>;

export const OutputConditionSchema = z.object({
  /** OutputConditionIdentifier written into a PDF/X OutputIntent, e.g. a registered newspaper characterization. */
  identifier: z.string().min(1).default('IFRA26'),
  info: z.string().default('ISO 12647-3 coldset newsprint (WAN-IFRA 26v5)'),
  registryName: z.string().default('http://www.color.org'),
  /** Total area coverage limit in percent. */
  tacLimit: z.number().min(100).max(400).default(220),
  minImagePpi: z.number().min(50).max(1200).default(200),
  errorImagePpi: z.number().min(50).max(1200).default(170),
});

export const HouseSettingsSchema = z.object({
  name: z.string().min(1).default('默认版式'),
  haoTable: z.record(z.enum(HAO_NAMES), z.number().positive()).default({ ...DEFAULT_HAO_TABLE }),
  kinsoku: KinsokuLevelSchema.default('gb'),
  punctStyle: PunctStyleSchema.default('quanjiao'),
  /** Gap between Han and Latin letters, em. */
  hanLatinGapEm: z.number().min(0).max(0.5).default(0.125),
  /** Gap between Han and digits, em (newspapers set digits solid). */
  hanDigitGapEm: z.number().min(0).max(0.5).default(0),
  hangingPunctuation: z.boolean().default(false),
  /** Fewest Han characters allowed on a paragraph's last line (孤字 control). */
  minLastLineChars: z.number().int().min(1).max(5).default(2),
  /** Narrowest column fragment text may run in beside an image, characters. */
  minFragmentChars: z.number().int().min(1).max(20).default(4),
  /** Newsroom fonts replacing bundled roles; empty = bundled Noto/LXGW faces. */
  fonts: z.array(FontFileRefSchema).default([]),
  /** Terms the proofreader accepts. */
  dictionary: z.array(z.string()).default([]),
  output: OutputConditionSchema.default({
    identifier: 'IFRA26', info: 'ISO 12647-3 coldset newsprint (WAN-IFRA 26v5)', registryName: 'http://www.color.org',
    tacLimit: 220, minImagePpi: 200, errorImagePpi: 170,
  }),
});
export type HouseSettings = z.infer<typeof HouseSettingsSchema>;

export const DEFAULT_HOUSE: HouseSettings = HouseSettingsSchema.parse({});
