// A fixed-pitch typesetter for layout tests: every character is one em of 9 pt, lines break at whole
// characters with no line-breaking rules, body paragraphs indent their first line by 2 em. With it the
// copyfit numbers of a constructed case can be worked out by hand, independent of any font.
import type { FaceInfo, GlyphItem } from '../../src/core/display/types';
import { bodyToParagraphs, type ComposerParagraph, type Story } from '../../src/core/model';
import type { SetLine, TextOptions, Typesetter } from '../../src/core/layout';
import { verticalCells } from '../../src/core/layout/vertical-cells';
import type { VerticalLine } from '../../src/core/layout/vertical-set';

const K = { c: 0, m: 0, y: 0, k: 1 };
export const EM = 9;

const SIZES: Record<string, number> = { kicker: 18, headline: 24, subtitle: 14, byline: 10.5, banner: 16 };
const LINES: Record<string, number> = { kicker: 2, headline: 3, subtitle: 2, banner: 2 };

function setChars(chars: { ch: string; offset: number }[], size: number, scale: number, x0: number, storyId = '', face = 'fixed'): SetLine {
  const adv = size * scale;
  return {
    glyphs: chars.map((c, i): GlyphItem => ({
      kind: 'glyph', face, gid: c.ch.codePointAt(0)!, x: x0 + i * adv, y: 0, advance: adv, size, scaleX: scale, color: K, text: c.ch,
      src: { storyId, field: 'body', offset: c.offset, length: c.ch.length },
    })),
    width: x0 + chars.length * adv,
    start: chars[0]?.offset ?? 0,
    end: (chars[chars.length - 1]?.offset ?? -1) + 1,
    size,
  };
}

export class FixedTypesetter implements Typesetter {
  calls = 0;

  paragraphs(story: Story): readonly ComposerParagraph[] {
    return bodyToParagraphs(story.body);
  }

  setParagraph(story: Story, para: ComposerParagraph, from: number, width: number): readonly SetLine[] {
    this.calls++;
    const chars: { ch: string; offset: number }[] = [];
    for (const r of para.runs) for (let i = 0; i < r.text.length; i++) if (r.offset + i >= from) chars.push({ ch: r.text[i]!, offset: r.offset + i });
    const perLine = Math.floor(width / EM + 1e-9);
    const out: SetLine[] = [];
    let i = 0;
    let first = from === para.offset && para.kind === 'paragraph';
    while (i < chars.length) {
      const indent = first ? 2 : 0;
      const n = Math.max(1, perLine - indent);
      out.push(setChars(chars.slice(i, i + n), EM, 1, indent * EM, story.id));
      i += n;
      first = false;
    }
    return out;
  }

  styleLines(styleId: string): number {
    return LINES[styleId] ?? 1;
  }

  keepWithNext(styleId: string): number {
    return styleId === 'subhead' ? 2 : 0;
  }

  styleSize(styleId: string): number {
    return SIZES[styleId] ?? EM;
  }

  setText(text: string, styleId: string, width: number, opts: TextOptions = {}): readonly SetLine[] {
    const size = this.styleSize(styleId);
    const scale = (opts.scaleX ?? 100) / 100;
    const chars = [...text].map((ch, offset) => ({ ch, offset }));
    const perLine = opts.noBreak ? chars.length : Math.max(1, Math.floor(width / (size * scale) + 1e-9));
    const out: SetLine[] = [];
    for (let i = 0; i < chars.length; i += perLine) {
      const slice = chars.slice(i, i + perLine);
      const natural = slice.length * size * scale;
      const x0 = opts.align === 'center' ? (width - natural) / 2 : opts.align === 'end' ? width - natural : 0;
      // Banners get a face of their own, so a faces table that forgets them shows.
      out.push(setChars(slice, size, scale, x0, '', styleId === 'banner' ? 'fixed-bold' : 'fixed'));
    }
    return out;
  }

  /** Vertical columns: every cell one em of the style's size; a sideways run is one em per character. */
  setVertical(text: string, styleId: string, opts: { scaleY?: number } = {}): VerticalLine {
    const size = this.styleSize(styleId);
    const sy = (opts.scaleY ?? 100) / 100;
    const glyphs: GlyphItem[] = [];
    let y = 0;
    for (const c of verticalCells(text)) {
      const len = c.kind === 'sideways' ? [...c.text].length : c.kind === 'space' && c.text === ' ' ? 0.5 : 1;
      if (c.kind !== 'space') {
        glyphs.push({
          kind: 'glyph', face: 'fixed', gid: c.text.codePointAt(0)!, x: -size / 2, y: y + 0.88 * size * sy, advance: size, size, scaleX: 1,
          ...(sy !== 1 ? { scaleY: sy } : {}), color: K, text: c.text, src: { storyId: '', field: 'label', offset: c.offset, length: c.text.length },
        });
      }
      y += len * size * sy;
    }
    return { glyphs, height: y, size, width: size };
  }

  faces(): Readonly<Record<string, FaceInfo>> {
    return {
      fixed: { key: 'fixed', family: 'Fixed', weight: 400, file: 'file:/fixed', psName: 'Fixed', unitsPerEm: 1000 },
      'fixed-bold': { key: 'fixed-bold', family: 'Fixed', weight: 700, file: 'file:/fixed-bold', psName: 'Fixed-Bold', unitsPerEm: 1000 },
    };
  }
}
