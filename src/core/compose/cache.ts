import type { GlyphItem } from '../display/types';
import type { ComposerParagraph } from '../model/compose-input';
import { composeParagraph, type ComposeContext } from './paragraph';
import type { ComposedLine, ComposedParagraph } from './types';

// Composed paragraphs by (content, style, measure, story settings, source): a keystroke recomposes one
// paragraph. One cache may serve every story of an issue. It is bound to one style catalog, house settings
// and font registry by identity (replace them, do not mutate them); a new one empties it. Paragraphs whose
// text moved (an edit earlier in the story) are reused with their offsets shifted.

/**
 * The cache key (setting and content, not where the paragraph stands: a paragraph moved by an edit before it is
 * found again) and the paragraph's slot (setting and index in its story), which bounds the versions kept of it.
 */
function keyOf(p: ComposerParagraph, measure: number, ctx: ComposeContext): { slot: string; key: string } {
  // settings by value: callers build a fresh per-story override object on every layout pass
  const src = ctx.source;
  let k = `${p.kind}\u0001${p.styleId}\u0001${measure}\u0001${ctx.settings ? JSON.stringify(ctx.settings) : ''}\u0001${src ? `${src.storyId}\u0001${src.field}\u0001${src.index ?? ''}` : ''}`;
  const slot = `${k}\u0003${p.index}`;
  for (const r of p.runs) k += `\u0002${r.styleId ?? ''}\u0001${r.bold ? 1 : 0}${r.role}\u0001${r.offset - p.offset}\u0001${r.text}`;
  return { slot, key: k };
}

/**
 * Versions kept of one paragraph slot: the paragraph being typed in makes a new version per keystroke, and keeping
 * them all (each a paragraph of glyphs) grew the heap by ~140 KB a keystroke without bound here, and with it the cost
 * of young-generation collections (5–10 ms pauses every ~20 keystrokes). A few stay for undo of the last keystrokes.
 */
const VERSIONS_PER_SLOT = 4;

function shiftGlyph(g: GlyphItem, d: number): GlyphItem {
  return g.src ? { ...g, src: { ...g.src, offset: g.src.offset + d } } : g;
}

/**
 * The cached paragraph `d` characters further on in its story. `shared` keeps the glyphs and notes the shift on each
 * line for placing to add (a keystroke early in a story moves every paragraph after it: copying their glyphs made
 * most of the garbage a keystroke left); otherwise every glyph is copied with its offset moved.
 */
function shift(c: ComposedParagraph, d: number, index: number, shared: boolean): ComposedParagraph {
  if (d === 0 && index === c.index) return c;
  const lines: ComposedLine[] = shared
    ? c.lines.map((l) => (d === 0 ? l : { ...l, start: l.start + d, end: l.end + d, srcShift: d }))
    : c.lines.map((l) => ({ ...l, start: l.start + d, end: l.end + d, glyphs: l.glyphs.map((g) => shiftGlyph(g, d)) }));
  return { ...c, index, lines, missing: d === 0 ? c.missing : c.missing.map((m) => ({ ...m, offset: m.offset + d })) };
}

export class ComposeCache {
  private readonly entries = new Map<string, { offset: number; result: ComposedParagraph; slot: string }>();
  /** Each slot's cached keys, least recently used first. */
  private readonly slots = new Map<string, string[]>();
  private bound: readonly unknown[] = [];
  hits = 0;
  misses = 0;

  /** Entries kept; every keystroke adds one, so the oldest go first. */
  constructor(private readonly limit = 20_000) {}

  clear(): void {
    this.entries.clear();
    this.slots.clear();
    this.hits = 0;
    this.misses = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The paragraph composed (from the cache when it was before), every glyph's source offset its own. */
  compose(p: ComposerParagraph, measure: number, ctx: ComposeContext): ComposedParagraph {
    return this.lookup(p, measure, ctx, false);
  }

  /**
   * The same, for placing: a paragraph that only moved in its story shares the cached glyphs, and its lines carry
   * the move in `srcShift` for placeLine to add.
   */
  composeShared(p: ComposerParagraph, measure: number, ctx: ComposeContext): ComposedParagraph {
    return this.lookup(p, measure, ctx, true);
  }

  private lookup(p: ComposerParagraph, measure: number, ctx: ComposeContext, shared: boolean): ComposedParagraph {
    const identity = [ctx.fonts, ctx.styles, ctx.house];
    if (identity.length !== this.bound.length || identity.some((v, i) => v !== this.bound[i])) {
      this.clear();
      this.bound = identity;
    }
    const { slot, key } = keyOf(p, measure, ctx);
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      // Kept under the slot it was made in (the paragraph may have moved since).
      const versions = this.slots.get(hit.slot)!;
      versions.splice(versions.indexOf(key), 1);
      versions.push(key);
      return shift(hit.result, p.offset - hit.offset, p.index, shared);
    }
    this.misses++;
    const result = composeParagraph(p, measure, ctx);
    if (this.entries.size >= this.limit) this.forget(this.entries.keys().next().value!);
    let versions = this.slots.get(slot);
    if (!versions) this.slots.set(slot, (versions = []));
    if (versions.length >= VERSIONS_PER_SLOT) this.forget(versions[0]!);
    versions.push(key);
    this.entries.set(key, { offset: p.offset, result, slot });
    return result;
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const versions = this.slots.get(entry.slot)!;
    versions.splice(versions.indexOf(key), 1);
    if (versions.length === 0) this.slots.delete(entry.slot);
  }
}

/** Sets a story body: every paragraph at one measure, through the cache when one is given. */
export function composeParagraphs(ps: readonly ComposerParagraph[], measure: number, ctx: ComposeContext, cache?: ComposeCache): ComposedParagraph[] {
  return ps.map((p) => (cache ? cache.compose(p, measure, ctx) : composeParagraph(p, measure, ctx)));
}
