import type { FontRegistry, GlyphInfo } from '../fonts';
import { ELLIPSIS, isDigit, isHan, isLatin, isRigidCp, kinsokuRules, MIDLINE_ELLIPSIS } from './classes';
import { compressPairs, punctBox } from './punct-width';
import { segment, type SourceChar } from './segment';
import { Edge, GapKind, ShrinkClass, UnitKind, type ComposeSettings, type Prepared, type RunStyle, type Unit, type UnitGlyph } from './types';

// Characters → measured units, the gaps between them and where lines may end. All font lookups of a
// paragraph happen here, once; line breaking and justification only do arithmetic on the result.

function edgeOf(cp: number): Edge {
  if (isHan(cp)) return Edge.Han;
  if (isDigit(cp)) return Edge.Digit;
  if (isLatin(cp)) return Edge.Latin;
  return Edge.Other;
}

function makeUnit(kind: UnitKind, chars: readonly SourceChar[], from: number, to: number, glyphs: UnitGlyph[], core: number): Unit {
  const first = chars[from]!;
  const last = chars[to - 1]!;
  let text = first.text;
  for (let i = from + 1; i < to; i++) text += chars[i]!.text;
  return {
    kind,
    firstCp: first.cp,
    lastCp: last.cp,
    start: first.offset,
    end: last.offset + last.text.length,
    text,
    style: first.style,
    cell: first.style.size * first.style.scaleX,
    core,
    bl: 0,
    br: 0,
    shrinkL: ShrinkClass.None,
    shrinkR: ShrinkClass.None,
    edgeL: kind === UnitKind.Punct ? Edge.Punct : edgeOf(first.cp),
    edgeR: kind === UnitKind.Punct ? Edge.Punct : edgeOf(last.cp),
    glyphs,
  };
}

function pairOf(a: Unit, b: Unit, x: Edge, y: Edge): boolean {
  return (a.edgeR === x && b.edgeL === y) || (a.edgeR === y && b.edgeL === x);
}

function isRigidMark(u: Unit): boolean {
  return u.kind === UnitKind.Punct && isRigidCp(u.firstCp);
}

export function prepare(chars: readonly SourceChar[], fonts: FontRegistry, settings: ComposeSettings): Prepared {
  const missing: { offset: number; char: string }[] = [];
  let lastStyle: RunStyle | undefined;
  let table: ReadonlyMap<number, GlyphInfo> | undefined;
  const lookup = (c: SourceChar): GlyphInfo => {
    if (c.style !== lastStyle) {
      lastStyle = c.style;
      table = fonts.glyphTable(c.style.font);
    }
    const g = table!.get(c.cp) ?? fonts.glyph(c.style.font, c.cp); // the registry explains a miss
    if (g.missing) missing.push({ offset: c.offset, char: c.text });
    return g;
  };
  const glyph = (c: SourceChar, info: GlyphInfo, dx: number, stretch = 1): UnitGlyph => ({
    info, dx, scaleX: c.style.scaleX * stretch, text: c.text, offset: c.offset, style: c.style,
  });

  const units: Unit[] = [];
  const clusters = segment(chars);
  for (let ci = 0; ci < clusters.length; ci += 3) {
    const kind = clusters[ci]! as UnitKind;
    const from = clusters[ci + 1]!;
    const to = clusters[ci + 2]!;
    const c0 = chars[from]!;
    const cell = c0.style.size * c0.style.scaleX;
    switch (kind) {
      case UnitKind.Break:
        units.push(makeUnit(UnitKind.Break, chars, from, to, [], 0));
        break;
      case UnitKind.Dash: {
        const d = fonts.dash(c0.style.font);
        const stretch = 2 / (c0.cp === 0x2e3a ? fonts.glyph(c0.style.font, c0.cp).advance : d.advance);
        if (c0.cp === 0x2e3a) {
          units.push(makeUnit(UnitKind.Dash, chars, from, to, [glyph(c0, lookup(c0), 0, stretch)], 2 * cell));
        } else {
          // One shaped glyph drawing both characters; ToUnicode and hit-testing see `——`.
          let x = 0;
          const gl: UnitGlyph[] = d.gids.map((gid, k) => {
            const adv = d.advance / d.gids.length;
            const g: UnitGlyph = {
              info: { face: d.face, gid, advance: adv }, dx: x, scaleX: c0.style.scaleX * stretch,
              text: d.gids.length === 1 ? '——' : '—', offset: c0.offset + (d.gids.length === 1 ? 0 : k), style: c0.style,
            };
            x += adv * stretch * cell;
            return g;
          });
          units.push(makeUnit(UnitKind.Dash, chars, from, to, gl, 2 * cell));
        }
        break;
      }
      case UnitKind.Ellipsis: {
        const gl: UnitGlyph[] = [];
        for (let k = from; k < to; k++) {
          const info = lookup(chars[k]!);
          gl.push(glyph(chars[k]!, info, (k - from) * cell + ((1 - info.advance) * cell) / 2));
        }
        units.push(makeUnit(UnitKind.Ellipsis, chars, from, to, gl, 2 * cell));
        break;
      }
      case UnitKind.Word: {
        let x = 0;
        const gl: UnitGlyph[] = [];
        for (let k = from; k < to; k++) {
          const c = chars[k]!;
          const info = lookup(c);
          gl.push(glyph(c, info, x));
          x += info.advance * c.style.size * c.style.scaleX;
        }
        units.push(makeUnit(UnitKind.Word, chars, from, to, gl, x));
        break;
      }
      case UnitKind.Space: {
        const adv = fonts.glyphTable(c0.style.font).get(0x20)?.advance ?? 0.25;
        units.push(makeUnit(UnitKind.Space, chars, from, to, [], Math.max(adv, 0.25) * cell));
        break;
      }
      case UnitKind.Punct: {
        const info = lookup(c0);
        const box = punctBox(c0.cp, info.advance, settings.punctStyle);
        const u = makeUnit(UnitKind.Punct, chars, from, to, [glyph(c0, info, box.dx * cell, box.stretch)], box.core * cell);
        u.bl = box.bl * cell;
        u.br = box.br * cell;
        u.shrinkL = box.shrinkL;
        u.shrinkR = box.shrinkR;
        units.push(u);
        break;
      }
      default: {
        if (c0.cp < 0x20) {
          units.push(makeUnit(UnitKind.Fixed, chars, from, to, [], 0));
          break;
        }
        if (c0.cp === 0x3000) {
          // 全角空格 (headline halves, 通讯员\u3000刘春雷): one empty cell, drawn by no glyph
          units.push(makeUnit(UnitKind.Fixed, chars, from, to, [], cell));
          break;
        }
        const info = lookup(c0);
        units.push(makeUnit(kind, chars, from, to, [glyph(c0, info, 0)], info.advance * cell));
      }
    }
  }
  compressPairs(units, settings.punctStyle);

  const n = units.length;
  const gap = new Float64Array(n);
  const gapMin = new Float64Array(n);
  const gapKind = new Uint8Array(n);
  const canBreak = new Uint8Array(n);
  const rules = kinsokuRules(settings.kinsoku);
  for (let i = 0; i < n; i++) {
    const a = units[i]!;
    const b = units[i + 1];
    if (!b) {
      canBreak[i] = 1;
      break;
    }
    // Spacing
    let g = 0;
    let gmin = 0;
    let kind = GapKind.Normal;
    const em = Math.min(a.cell, b.cell);
    if (a.kind === UnitKind.Space || b.kind === UnitKind.Space || a.kind === UnitKind.Break || b.kind === UnitKind.Break) {
      kind = GapKind.Rigid;
    } else if (pairOf(a, b, Edge.Han, Edge.Latin) && settings.hanLatinGapEm > 0) {
      g = settings.hanLatinGapEm * em;
      gmin = Math.min(g, em / 8);
      kind = GapKind.HanLatin;
    } else if (pairOf(a, b, Edge.Han, Edge.Digit) && settings.hanDigitGapEm > 0) {
      g = settings.hanDigitGapEm * em;
      gmin = Math.min(g, em / 8);
      kind = GapKind.HanLatin;
    } else if (isRigidMark(a) || isRigidMark(b)) {
      kind = GapKind.Rigid;
    }
    const track = a.style.trackingEm * a.cell;
    gap[i] = g + track;
    gapMin[i] = gmin + track;
    gapKind[i] = kind;
    // Kinsoku
    let ok: boolean;
    if (a.kind === UnitKind.Break) ok = true;
    else if (b.kind === UnitKind.Space || b.kind === UnitKind.Break) ok = false;
    else if (b.kind === UnitKind.Dash || b.kind === UnitKind.Ellipsis) {
      // strict keeps —— and …… off line starts, except inside a run of them (CLREQ: a run may break between units)
      ok = (!rules.longMarksNoStart || a.kind === b.kind) && !rules.noEnd(a.lastCp);
    }
    else if (rules.noEnd(a.lastCp) && a.kind !== UnitKind.Space) ok = false;
    else if (rules.noStart(b.firstCp)) ok = false;
    else if (b.kind === UnitKind.Punct && (b.firstCp === 0x2014 || b.firstCp === ELLIPSIS || b.firstCp === MIDLINE_ELLIPSIS) && settings.kinsoku !== 'none') ok = false;
    else ok = true;
    canBreak[i] = ok ? 1 : 0;
  }
  return { units, gap, gapMin, gapKind, canBreak, missing };
}

export type { RunStyle };
