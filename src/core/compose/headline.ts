import { BLACK, type Cmyk } from '../display/types';
import type { FontRegistry, FontStyle } from '../fonts';
import type { PunctStyle } from '../model/house';
import { emitLine } from './emit';
import { layoutLine } from './justify';
import { naturalWidth } from './measure';
import { prepare } from './prepare';
import type { SourceChar } from './segment';
import { settingsFrom } from './styles';
import type { ComposedLine, RunStyle, SourceContext } from './types';
import { DEFAULT_HOUSE } from '../model/house';

// One line, never broken: headlines, captions' first line, running heads, labels. Punctuation is set and
// compressed as in body text; 长体 comes from scaleX. Fonts must be ensured for the text and style.

export interface HeadlineOptions {
  readonly font: FontStyle;
  readonly size: number; // pt
  /** 长体 < 1, 扁体 via scaleY < 1. */
  readonly scaleX?: number;
  readonly scaleY?: number;
  readonly trackingEm?: number;
  readonly color?: Cmyk;
  /** Width to align in, pt; without it the line is as wide as its text. */
  readonly measure?: number;
  readonly align?: 'start' | 'center' | 'end';
  readonly punctStyle?: PunctStyle;
  /** Source mapping; `offset` is where the text starts in that field. */
  readonly source?: SourceContext & { readonly offset: number };
}

export interface HeadlineLine extends ComposedLine {
  /** Width of the text itself, pt (compare with the measure to fit 长体 or flag an overlong headline). */
  readonly naturalWidth: number;
}

export function setHeadline(text: string, fonts: FontRegistry, o: HeadlineOptions): HeadlineLine {
  const style: RunStyle = {
    font: o.font, size: o.size, scaleX: o.scaleX ?? 1, scaleY: o.scaleY ?? 1, trackingEm: o.trackingEm ?? 0, color: o.color ?? BLACK,
  };
  const base = o.source?.offset ?? 0;
  const chars: SourceChar[] = [];
  let off = base;
  for (const ch of text.replace(/\n/g, ' ')) {
    chars.push({ cp: ch.codePointAt(0)!, text: ch, offset: off, style });
    off += ch.length;
  }
  const settings = settingsFrom(DEFAULT_HOUSE, { kinsoku: 'none', ...(o.punctStyle ? { punctStyle: o.punctStyle } : {}) });
  const prep = prepare(chars, fonts, settings);
  const n = prep.units.length;
  const natural = naturalWidth(prep, 0, n, false);
  const measure = o.measure ?? natural;
  const geo = layoutLine(prep, 0, n, Math.max(measure, natural), 0, false, o.align ?? 'center', false);
  const line = emitLine(prep, geo, base, off, true, fonts, o.source ?? { storyId: '', field: 'label' });
  return { ...line, naturalWidth: natural };
}
