import type { Cmyk } from '../display/types';
import type { ComposerRun } from '../model/compose-input';
import type { CmykPercent } from '../model/color';
import type { HouseSettings } from '../model/house';
import type { CharacterStyle, ParagraphStyle, StyleCatalog } from '../model/style';
import { resolveSize } from '../model/units';
import type { ComposeSettings, RunStyle } from './types';

// Catalog styles (trade units) → numbers the composer works in.

export function cmyk(p: CmykPercent): Cmyk {
  return { c: p.c / 100, m: p.m / 100, y: p.y / 100, k: p.k / 100 };
}

export function paragraphStyle(styles: StyleCatalog, id: string): ParagraphStyle {
  const s = styles.paragraph.find((p) => p.id === id) ?? styles.paragraph.find((p) => p.id === 'body') ?? styles.paragraph[0];
  if (!s) throw new Error('样式表中没有段落样式');
  return s;
}

function characterStyle(styles: StyleCatalog, id: string | undefined): CharacterStyle | undefined {
  return id === undefined ? undefined : styles.character.find((c) => c.id === id);
}

export function runStyle(para: ParagraphStyle, run: Pick<ComposerRun, 'styleId' | 'bold'> | null, styles: StyleCatalog, house: HouseSettings): RunStyle {
  const ch = run ? characterStyle(styles, run.styleId) : undefined;
  let weight = ch?.weight ?? para.weight;
  if (run?.bold && weight < 700) weight = 700;
  const size = resolveSize(ch?.size ?? para.size, house.haoTable);
  return {
    font: { role: ch?.role ?? para.role, weight },
    size,
    scaleX: (ch?.scaleX ?? para.scaleX) / 100,
    scaleY: para.scaleY / 100,
    trackingEm: para.trackingEm,
    color: cmyk(ch?.color ?? para.color),
  };
}

export function settingsFrom(house: HouseSettings, override?: Partial<ComposeSettings>): ComposeSettings {
  return {
    kinsoku: house.kinsoku,
    punctStyle: house.punctStyle,
    hanLatinGapEm: house.hanLatinGapEm,
    hanDigitGapEm: house.hanDigitGapEm,
    minLastLineChars: house.minLastLineChars,
    lineStartOpenTrim: false,
    ...override,
  };
}
