import type { FaceInfo } from '../display/types';
import type { FontFileRef } from '../model/house';
import type { FontRole } from '../model/style';
import { parseFace, type Face } from './face';
import { type GlyphOutline } from './glyph-outline';
import type { FontLoader } from './loader';
import { roleNote, sourceChain, sourceFile, type FontSource } from './roles';
import { sliceTable } from './slice-index';
import { eachCodePoint } from '../text/chars';

// The font registry: roles → font files → glyphs. `ensure` is the only async step (it loads the slices and
// files a text needs); after it, every lookup the composer makes is a synchronous Map read.

export interface FontStyle {
  readonly role: FontRole;
  readonly weight: number;
}

export interface GlyphInfo {
  /** Face key (DisplayPage.faces key, GlyphItem.face). */
  readonly face: string;
  readonly gid: number;
  /** Natural advance in em. */
  readonly advance: number;
  /** No face in the chain draws this character: this is the 〓 glyph standing in for it. */
  readonly missing?: true;
}

export interface DashGlyphs {
  readonly face: string;
  readonly gids: readonly number[];
  /** Natural advance in em of the shaped `——` (Noto: 1.692); the composer sets it at exactly 2 em. */
  readonly advance: number;
}

export const GETA = 0x3013; // 〓

/** Spaces are set as space, never missing: every other character needs a glyph. */
const drawn = (cp: number): boolean => cp > 0x20 && cp !== 0x7f && cp !== 0xa0 && cp !== 0x3000;

function codePointsToDraw(text: string): Set<number> {
  const cps = new Set<number>();
  eachCodePoint(text, (cp) => {
    if (drawn(cp)) cps.add(cp);
  });
  return cps;
}

interface Chain {
  readonly sources: readonly FontSource[];
  readonly glyphs: Map<number, GlyphInfo>;
  dash: DashGlyphs | undefined;
  primary: string | undefined;
}

/** Parsed faces live as long as the process (parsing is the slow part), shared by registries of one loader. */
const parsedByLoader = new WeakMap<FontLoader, Map<string, Promise<Face>>>();

const EMPTY_HOUSE: readonly FontFileRef[] = [];

export class FontRegistry {
  private readonly chains = new Map<string, Chain>();
  private readonly faces = new Map<string, Face>();
  private readonly missingChars = new Set<number>();

  constructor(
    private readonly loader: FontLoader,
    private readonly house: readonly FontFileRef[] = EMPTY_HOUSE,
  ) {}

  /** Loads whatever the text needs in each style. Safe to call repeatedly; only new characters cost. */
  async ensure(text: string, styles: readonly FontStyle[]): Promise<void> {
    const cps = codePointsToDraw(text);
    const wantsDash = text.includes('\u2014\u2014');
    for (const style of styles) {
      const chain = this.chain(style);
      const pending = [...cps].filter((cp) => !chain.glyphs.has(cp));
      if (pending.length > 0) await this.resolve(chain, pending);
      if (chain.primary === undefined) await this.resolvePrimary(chain);
      if (wantsDash && chain.dash === undefined) await this.resolveDash(chain);
    }
  }

  /**
   * Whether `ensure(text, styles)` has nothing left to load: then the text can be set at once, without waiting (the
   * desk lays a keystroke out in the same turn when its characters are already known).
   */
  ready(text: string, styles: readonly FontStyle[]): boolean {
    const wantsDash = text.includes('\u2014\u2014');
    for (const style of styles) {
      const chain = this.chain(style);
      if (chain.primary === undefined || (wantsDash && chain.dash === undefined)) return false;
      const glyphs = chain.glyphs;
      if (!eachCodePoint(text, (cp) => !drawn(cp) || glyphs.has(cp))) return false;
    }
    return true;
  }

  /** The glyph for a code point in a style. Throws when `ensure` did not cover it (a programming error). */
  glyph(style: FontStyle, cp: number): GlyphInfo {
    const g = this.chain(style).glyphs.get(cp);
    if (g === undefined) {
      throw new Error(`font registry: U+${cp.toString(16).toUpperCase()} not prepared for ${style.role} ${style.weight}; call ensure() first`);
    }
    return g;
  }

  /**
   * The glyph table of a style, for hot loops (one Map read per character instead of a chain lookup).
   * Holds every character ensure() prepared for the style.
   */
  glyphTable(style: FontStyle): ReadonlyMap<number, GlyphInfo> {
    return this.chain(style).glyphs;
  }

  /** `——` as the font shapes it (one ligature glyph in Noto). Requires ensure() on a text containing `——`. */
  dash(style: FontStyle): DashGlyphs {
    const d = this.chain(style).dash;
    if (d === undefined) throw new Error(`font registry: —— not prepared for ${style.role} ${style.weight}; call ensure() first`);
    return d;
  }

  /** The face that sets the role's ordinary text (for vertical metrics). Requires ensure(). */
  primaryFace(style: FontStyle): Face {
    const key = this.chain(style).primary;
    if (key === undefined) throw new Error(`font registry: ${style.role} ${style.weight} not prepared; call ensure() first`);
    return this.face(key);
  }

  face(key: string): Face {
    const f = this.faces.get(key);
    if (!f) throw new Error(`font registry: face ${key} is not loaded`);
    return f;
  }

  faceInfo(key: string): FaceInfo {
    const f = this.face(key);
    return { key: f.key, family: f.family, weight: f.weight, file: f.file, psName: f.psName, unitsPerEm: f.unitsPerEm };
  }

  /** Every face loaded so far, keyed for DisplayPage.faces. */
  faceTable(): Record<string, FaceInfo> {
    const out: Record<string, FaceInfo> = {};
    for (const key of this.faces.keys()) out[key] = this.faceInfo(key);
    return out;
  }

  /** SVG path data in font units, y up; scale by size / unitsPerEm and flip y. */
  glyphPath(key: string, gid: number): string {
    return this.face(key).glyphPath(gid);
  }

  /** A glyph's outline for the screen, in font units, y up (null when blank). */
  glyphOutline(key: string, gid: number): GlyphOutline | null {
    return this.face(key).glyphOutline(gid);
  }

  unitsPerEm(key: string): number {
    return this.face(key).unitsPerEm;
  }

  /** The bytes the loader gave for a face (SFNT from the Node loader; a whole collection for TTC files). */
  faceBytes(key: string): Uint8Array {
    return this.face(key).bytes;
  }

  /** Characters no font in any chain could draw, in first-seen order. */
  missing(): number[] {
    return [...this.missingChars];
  }

  /** Preflight notes about stand-in faces for the given roles. */
  notes(roles: readonly FontRole[]): string[] {
    const out = new Set<string>();
    for (const r of roles) {
      const n = roleNote(r, this.house);
      if (n) out.add(n);
    }
    return [...out];
  }

  private lastStyle: FontStyle | undefined;
  private lastChain: Chain | undefined;

  private chain(style: FontStyle): Chain {
    if (style === this.lastStyle && this.lastChain) return this.lastChain;
    const key = `${style.role}/${style.weight}`;
    let c = this.chains.get(key);
    if (!c) {
      c = { sources: sourceChain(style.role, style.weight, this.house), glyphs: new Map(), dash: undefined, primary: undefined };
      this.chains.set(key, c);
    }
    this.lastStyle = style;
    this.lastChain = c;
    return c;
  }

  private async loadFace(file: string, family: string, weight: number): Promise<Face> {
    let cache = parsedByLoader.get(this.loader);
    if (!cache) {
      cache = new Map();
      parsedByLoader.set(this.loader, cache);
    }
    let p = cache.get(file);
    if (!p) {
      p = this.loader.load(file).then((bytes) => parseFace(file, family, weight, bytes));
      cache.set(file, p);
      p.catch(() => cache.delete(file)); // a failed load may succeed later (file restored, drive back)
    }
    const face = await p;
    this.faces.set(face.key, face);
    return face;
  }

  /** Walks the chain: each source takes the characters it can draw; the rest fall to the next. */
  private async resolve(chain: Chain, cps: number[]): Promise<void> {
    let pending = cps;
    for (const src of chain.sources) {
      if (pending.length === 0) break;
      if (src.kind === 'whole') {
        const face = await this.loadFace(src.file, src.family, src.weight);
        const rest: number[] = [];
        for (const cp of pending) {
          const g = face.glyph(cp);
          if (g) chain.glyphs.set(cp, { face: face.key, gid: g.gid, advance: g.advance });
          else rest.push(cp);
        }
        pending = rest;
      } else {
        const owner = sliceTable(src.pkg, src.weight).owner;
        const bySlice = new Map<string, number[]>();
        const rest: number[] = [];
        for (const cp of pending) {
          const slice = owner.get(cp);
          if (slice === undefined) rest.push(cp);
          else bySlice.set(slice, [...(bySlice.get(slice) ?? []), cp]);
        }
        const loaded = await Promise.all(
          [...bySlice.keys()].map((slice) => this.loadFace(sourceFile(src, slice), src.family, src.weight)),
        );
        [...bySlice.values()].forEach((list, i) => {
          const face = loaded[i]!;
          for (const cp of list) {
            const g = face.glyph(cp);
            if (g) chain.glyphs.set(cp, { face: face.key, gid: g.gid, advance: g.advance });
            else rest.push(cp); // the index promised a glyph the file lacks: a stale index, fall through
          }
        });
        pending = rest;
      }
    }
    if (pending.length === 0) return;
    if (!chain.glyphs.has(GETA) && !pending.includes(GETA)) await this.resolve(chain, [GETA]);
    const geta = chain.glyphs.get(GETA);
    for (const cp of pending) {
      this.missingChars.add(cp);
      chain.glyphs.set(cp, geta && !geta.missing
        ? { face: geta.face, gid: geta.gid, advance: 1, missing: true }
        : { face: await this.anyFaceKey(chain), gid: 0, advance: 1, missing: true });
    }
  }

  private async anyFaceKey(chain: Chain): Promise<string> {
    await this.resolvePrimary(chain);
    return chain.primary!;
  }

  /** The face drawing 国 stands for the role in vertical metrics. */
  private async resolvePrimary(chain: Chain): Promise<void> {
    const probe = 0x56fd; // 国
    if (!chain.glyphs.has(probe)) await this.resolve(chain, [probe]);
    chain.primary = chain.glyphs.get(probe)!.face;
  }

  private async resolveDash(chain: Chain): Promise<void> {
    if (!chain.glyphs.has(0x2014)) await this.resolve(chain, [0x2014]);
    const em = chain.glyphs.get(0x2014)!;
    const lig = em.missing ? null : this.face(em.face).dashLigature();
    chain.dash = lig
      ? { face: em.face, gids: lig.gids, advance: lig.advance }
      : { face: em.face, gids: [em.gid, em.gid], advance: em.advance * 2 };
  }
}
