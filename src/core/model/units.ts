// Trade units. The model stores pt for type and mm for the page; 号 sizes resolve through the house table.

export const MM_PER_PT = 25.4 / 72; // DTP point: 0.352778 mm
export const MM_PER_TRADITIONAL_PT = 0.35146; // Anglo-American / traditional point
export const MM_PER_Q = 0.25; // 级 / Q (phototypesetting)

export const mmToPt = (mm: number): number => mm / MM_PER_PT;
export const ptToMm = (pt: number): number => pt * MM_PER_PT;
export const qToPt = (q: number): number => mmToPt(q * MM_PER_Q);
export const traditionalPtToPt = (tpt: number): number => mmToPt(tpt * MM_PER_TRADITIONAL_PT);

/** The 号 names in order from largest to smallest. */
export const HAO_NAMES = ['初号', '小初', '一号', '小一', '二号', '小二', '三号', '小三', '四号', '小四', '五号', '小五', '六号', '小六', '七号', '八号'] as const;
export type HaoName = (typeof HAO_NAMES)[number];

/** The DTP mapping used by Word/WPS/CTeX (TYPESETTING.md §5.1); a house may replace any value. */
export const DEFAULT_HAO_TABLE: Readonly<Record<HaoName, number>> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15,
  四号: 14, 小四: 12, 五号: 10.5, 小五: 9, 六号: 7.5, 小六: 6.5, 七号: 5.5, 八号: 5,
};

/** A type size as stored: points, or a 号 resolved through the house table at compose time. */
export type TypeSize = { readonly pt: number } | { readonly hao: HaoName };

export function resolveSize(size: TypeSize, table: Readonly<Record<HaoName, number>>): number {
  return 'pt' in size ? size.pt : table[size.hao];
}
