import { ComposeCache, composeParagraph, ensureParagraphs, type ComposedLine, type ComposedParagraph, type ComposeSettings } from '../../src/core/compose';
import { FontRegistry } from '../../src/core/fonts';
import { DEFAULT_HOUSE, DEFAULT_STYLES, type ComposerParagraph, type ComposerRun, type HouseSettings, type StyleCatalog } from '../../src/core/model';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

export const SIZE = 9; // 小五 body
export const fonts = new FontRegistry(nodeFontLoader);

export interface Opts {
  readonly settings?: Partial<ComposeSettings>;
  readonly styles?: StyleCatalog;
  readonly house?: HouseSettings;
  readonly styleId?: string;
  readonly indent?: number; // em; default 0 in tests so positions are easy to read
}

export function stylesWith(patch: Partial<StyleCatalog['paragraph'][number]>, id = 'body'): StyleCatalog {
  return { ...DEFAULT_STYLES, paragraph: DEFAULT_STYLES.paragraph.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

export function para(runs: string | readonly Omit<ComposerRun, 'offset'>[], styleId = 'body', offset = 0, index = 0): ComposerParagraph {
  const list = typeof runs === 'string' ? [{ text: runs, bold: false, italic: false, role: 'text' as const }] : runs;
  let off = offset;
  const rs: ComposerRun[] = list.map((r) => {
    const run = { ...r, offset: off };
    off += r.text.length;
    return run;
  });
  return { kind: 'paragraph', styleId, runs: rs, offset, index };
}

export async function compose(text: string | ComposerParagraph, measureEm: number, o: Opts = {}): Promise<ComposedParagraph> {
  const styles = o.styles ?? stylesWith({ firstLineIndentEm: o.indent ?? 0 }, o.styleId ?? 'body');
  const house = o.house ?? DEFAULT_HOUSE;
  const p = typeof text === 'string' ? para(text, o.styleId ?? 'body') : text;
  const ctx = { fonts, styles, house, ...(o.settings ? { settings: o.settings } : {}) };
  await ensureParagraphs([p], ctx);
  return composeParagraph(p, measureEm * SIZE, ctx);
}

export function newCache(): ComposeCache {
  return new ComposeCache();
}

export const text = (l: ComposedLine): string => l.glyphs.map((g) => g.text).join('');
export const lines = (p: ComposedParagraph): string[] => p.lines.map(text);
export const em = (pt: number): number => pt / SIZE;

/** [text, x in em, advance in em] of every glyph of a line. */
export const cells = (l: ComposedLine): [string, number, number][] => l.glyphs.map((g) => [g.text, +(g.x / SIZE).toFixed(4), +(g.advance / SIZE).toFixed(4)]);

/** Advance in em of the glyph drawing `ch` on the line (first occurrence). */
export function advOf(l: ComposedLine, ch: string): number {
  const g = l.glyphs.find((x) => x.text === ch);
  if (!g) throw new Error(`no ${ch} on line ${text(l)}`);
  return g.advance / SIZE;
}
