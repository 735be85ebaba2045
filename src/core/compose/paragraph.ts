import type { FontRegistry } from '../fonts';
import type { ComposerParagraph } from '../model/compose-input';
import type { HouseSettings } from '../model/house';
import type { StyleCatalog } from '../model/style';
import { emitLine } from './emit';
import { layoutLine } from './justify';
import { breakLines } from './line-breaker';
import { fixOrphan } from './orphan';
import { prepare } from './prepare';
import type { SourceChar } from './segment';
import { paragraphStyle, runStyle, settingsFrom } from './styles';
import type { ComposedLine, ComposedParagraph, ComposeSettings, RunStyle, SourceContext } from './types';

export interface ComposeContext {
  readonly fonts: FontRegistry;
  readonly styles: StyleCatalog;
  readonly house: HouseSettings;
  /** Per-story overrides of the house settings (e.g. 开明式 punctuation for one story). */
  readonly settings?: Partial<ComposeSettings>;
  readonly source?: SourceContext;
}

const BODY_SOURCE: SourceContext = { storyId: '', field: 'body' };

/** One string per BMP character, shared by every glyph that draws it (fewer live strings per page). */
const CHAR_TEXT: (string | undefined)[] = new Array<string | undefined>(0x10000); // sized up front: stays a fast array

function charText(code: number): string {
  return CHAR_TEXT[code] ?? (CHAR_TEXT[code] = String.fromCharCode(code));
}

/** Resolved styles are shared objects, so a line's glyphs can compare styles by identity. */
function charsOf(p: ComposerParagraph, ctx: ComposeContext): SourceChar[] {
  const para = paragraphStyle(ctx.styles, p.styleId);
  const chars: SourceChar[] = [];
  const memo = new Map<string, RunStyle>();
  for (const run of p.runs) {
    const key = `${run.styleId ?? ''}|${run.bold ? 1 : 0}`;
    let style = memo.get(key);
    if (!style) {
      style = runStyle(para, run, ctx.styles, ctx.house);
      memo.set(key, style);
    }
    // Code points as `for…of` yields them (a lone surrogate is one character).
    const text = run.text;
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          chars.push({ cp: ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000, text: text.slice(i, i + 2), offset: run.offset + i, style });
          i += 2;
          continue;
        }
      }
      chars.push({ cp: c, text: charText(c), offset: run.offset + i, style });
      i++;
    }
  }
  return chars;
}

/** Font styles and text a paragraph needs, for FontRegistry.ensure. */
export function fontNeeds(p: ComposerParagraph, ctx: Pick<ComposeContext, 'styles' | 'house'>): { text: string; styles: RunStyle['font'][] } {
  const para = paragraphStyle(ctx.styles, p.styleId);
  const styles = new Map<string, RunStyle['font']>();
  for (const run of [null, ...p.runs]) {
    const f = runStyle(para, run, ctx.styles, ctx.house).font;
    styles.set(`${f.role}/${f.weight}`, f);
  }
  return { text: p.runs.map((r) => r.text).join(''), styles: [...styles.values()] };
}

export async function ensureParagraphs(ps: readonly ComposerParagraph[], ctx: Pick<ComposeContext, 'fonts' | 'styles' | 'house'>): Promise<void> {
  // Every style's fonts at once: one after another, each style waited for its own round trip (slow at launch).
  await Promise.all(paragraphFontNeeds(ps, ctx).map(({ font, text }) => ctx.fonts.ensure(text, [font])));
}

/** Whether ensureParagraphs has nothing left to load for these paragraphs. */
export function paragraphsReady(ps: readonly ComposerParagraph[], ctx: Pick<ComposeContext, 'fonts' | 'styles' | 'house'>): boolean {
  return paragraphFontNeeds(ps, ctx).every(({ font, text }) => ctx.fonts.ready(text, [font]));
}

/** The text each font (role and weight) sets in these paragraphs. */
function paragraphFontNeeds(ps: readonly ComposerParagraph[], ctx: Pick<ComposeContext, 'fonts' | 'styles' | 'house'>): { font: RunStyle['font']; text: string }[] {
  const byStyle = new Map<string, { font: RunStyle['font']; text: string[] }>();
  for (const p of ps) {
    const need = fontNeeds(p, ctx);
    for (const f of need.styles) {
      const key = `${f.role}/${f.weight}`;
      const e = byStyle.get(key) ?? { font: f, text: [] };
      e.text.push(need.text);
      byStyle.set(key, e);
    }
  }
  return [...byStyle.values()].map(({ font, text }) => ({ font, text: text.join('') }));
}

/** Sets one paragraph at a measure (pt). Fonts must be ensured (ensureParagraphs). */
export function composeParagraph(p: ComposerParagraph, measure: number, ctx: ComposeContext): ComposedParagraph {
  const para = paragraphStyle(ctx.styles, p.styleId);
  const settings = settingsFrom(ctx.house, ctx.settings);
  const chars = charsOf(p, ctx);
  const prep = prepare(chars, ctx.fonts, settings);
  const base = runStyle(para, null, ctx.styles, ctx.house);
  const indent = Math.min(para.firstLineIndentEm * base.size * base.scaleX, measure * 0.5);
  const opt = { lineStartOpenTrim: settings.lineStartOpenTrim };
  let spans = breakLines(prep, 0, measure, indent, opt);
  let fallback = false;
  if (para.align === 'justify') {
    const fixed = fixOrphan(prep, spans, measure, indent, settings.minLastLineChars, opt);
    spans = fixed.lines;
    fallback = fixed.fallback;
  }
  const src = ctx.source ?? BODY_SOURCE;
  const paraEnd = p.offset + p.runs.reduce((n, r) => n + r.text.length, 0);
  const lines: ComposedLine[] = spans.map((l, i) => {
    const spread = para.align === 'distribute' ? prep.units.length > 0 : para.align === 'justify' && !l.last;
    const geo = layoutLine(prep, l.s, l.e, l.avail, l.indent, spread, para.align, opt.lineStartOpenTrim);
    const start = l.s < prep.units.length ? prep.units[l.s]!.start : paraEnd;
    const next = spans[i + 1];
    const end = next && next.s < prep.units.length ? prep.units[next.s]!.start : paraEnd;
    return emitLine(prep, geo, start, end, i === spans.length - 1, ctx.fonts, src);
  });
  return {
    index: p.index,
    kind: p.kind,
    styleId: p.styleId,
    lines,
    measure,
    missing: prep.missing.map((m) => ({ storyId: src.storyId, field: src.field, offset: m.offset, char: m.char })),
    orphanFallback: fallback,
    keepWithNextLines: para.keepWithNextLines,
  };
}
