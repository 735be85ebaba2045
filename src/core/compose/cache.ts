import type { GlyphItem } from '../display/types';
import type { ComposerParagraph } from '../model/compose-input';
import { composeParagraph, type ComposeContext } from './paragraph';
import type { ComposedLine, ComposedParagraph } from './types';

// Composed paragraphs by (content, style, measure, story settings, source): a keystroke recomposes one
// paragraph. One cache may serve every story of an issue. It is bound to one style catalog, house settings
// and font registry by identity (replace them, do not mutate them); a new one empties it. Paragraphs whose
// text moved (an edit earlier in the story) are reused with their offsets shifted.

function keyOf(p: ComposerParagraph, measure: number, ctx: ComposeContext): string {
  // settings by value: callers build a fresh per-story override object on every layout pass
  const src = ctx.source;
  let k = `${p.kind}\u0001${p.styleId}\u0001${measure}\u0001${ctx.settings ? JSON.stringify(ctx.settings) : ''}\u0001${src ? `${src.storyId}\u0001${src.field}\u0001${src.index ?? ''}` : ''}`;
  for (const r of p.runs) k += `\u0002${r.styleId ?? ''}\u0001${r.bold ? 1 : 0}${r.role}\u0001${r.offset - p.offset}\u0001${r.text}`;
  return k;
}

function shiftGlyph(g: GlyphItem, d: number): GlyphItem {
  return g.src ? { ...g, src: { ...g.src, offset: g.src.offset + d } } : g;
}

function shift(c: ComposedParagraph, d: number, index: number): ComposedParagraph {
  if (d === 0 && index === c.index) return c;
  const lines: ComposedLine[] = c.lines.map((l) => ({ ...l, start: l.start + d, end: l.end + d, glyphs: l.glyphs.map((g) => shiftGlyph(g, d)) }));
  return { ...c, index, lines, missing: c.missing.map((m) => ({ ...m, offset: m.offset + d })) };
}

export class ComposeCache {
  private readonly entries = new Map<string, { offset: number; result: ComposedParagraph }>();
  private bound: readonly unknown[] = [];
  hits = 0;
  misses = 0;

  /** Entries kept; every keystroke adds one, so the oldest go first. */
  constructor(private readonly limit = 20_000) {}

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  compose(p: ComposerParagraph, measure: number, ctx: ComposeContext): ComposedParagraph {
    const identity = [ctx.fonts, ctx.styles, ctx.house];
    if (identity.length !== this.bound.length || identity.some((v, i) => v !== this.bound[i])) {
      this.entries.clear();
      this.bound = identity;
    }
    const key = keyOf(p, measure, ctx);
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return shift(hit.result, p.offset - hit.offset, p.index);
    }
    this.misses++;
    const result = composeParagraph(p, measure, ctx);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { offset: p.offset, result });
    return result;
  }
}

/** Sets a story body: every paragraph at one measure, through the cache when one is given. */
export function composeParagraphs(ps: readonly ComposerParagraph[], measure: number, ctx: ComposeContext, cache?: ComposeCache): ComposedParagraph[] {
  return ps.map((p) => (cache ? cache.compose(p, measure, ctx) : composeParagraph(p, measure, ctx)));
}
