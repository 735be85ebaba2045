// The page content stream: display-list items in painting order, each exactly where the list puts it.
// Glyphs of one baseline, font, size and colour go out as one TJ whose adjustments place every glyph at its
// own x (pdf-lib's drawText would re-advance by hmtx and drop compression, justification and GPOS).
import { type Cmyk, type DisplayPage, type GlyphItem, type ImageItem, type RectItem, type RuleItem } from '../display/types';
import { hex4, type FontUse } from './font-embed';
import { num } from './pdf-number';

/** Resource names the content stream refers to. */
export interface ContentResources {
  /** Font resource name and use for a display-list face key. */
  font(faceKey: string): { name: string; use: FontUse };
  /** XObject resource name of an asset. */
  image(assetId: string): string;
  /** ExtGState names: overprint on (for 100 % K text and rules) and off. */
  readonly overprintOn: string;
  readonly overprintOff: string;
}

const isPureK = (c: Cmyk): boolean => c.c === 0 && c.m === 0 && c.y === 0 && c.k === 1;
const cmyk = (c: Cmyk): string => `${num(c.c)} ${num(c.m)} ${num(c.y)} ${num(c.k)}`;

class Writer {
  private readonly out: string[] = [];
  private fill = '';
  private stroke = '';
  private overprint: boolean | null = null;
  private inText = false;
  private font = '';

  constructor(
    private readonly res: ContentResources,
    private readonly height: number,
  ) {}

  op(s: string): void {
    this.out.push(s);
  }

  setOverprint(on: boolean): void {
    if (this.overprint === on) return;
    this.op(`/${on ? this.res.overprintOn : this.res.overprintOff} gs`);
    this.overprint = on;
  }

  setFill(c: Cmyk): void {
    const s = cmyk(c);
    if (s === this.fill) return;
    this.op(`${s} k`);
    this.fill = s;
  }

  setStroke(c: Cmyk): void {
    const s = cmyk(c);
    if (s === this.stroke) return;
    this.op(`${s} K`);
    this.stroke = s;
  }

  beginText(): void {
    if (this.inText) return;
    this.op('BT');
    this.inText = true;
    this.font = '';
  }

  endText(): void {
    if (!this.inText) return;
    this.op('ET');
    this.inText = false;
  }

  /** A run of glyphs sharing font, size, scale, colour and baseline (slices of one face share a font). */
  glyphRun(run: GlyphItem[]): void {
    const first = run[0]!;
    const { name } = this.res.font(first.face);
    this.beginText();
    if (name !== this.font) {
      this.op(`/${name} 1 Tf`);
      this.font = name;
    }
    this.setOverprint(isPureK(first.color));
    this.setFill(first.color);
    const hx = first.size * first.scaleX;
    const vy = first.size * (first.scaleY ?? 1);
    // A turned glyph (竖题) is always a run of its own: advance down the page, its top facing right.
    const m = first.rotate === 90 ? `0 ${num(-hx)} ${num(vy)} 0` : `${num(hx)} 0 0 ${num(vy)}`;
    this.op(`${m} ${num(first.x)} ${num(this.height - first.y)} Tm`);
    let tj = '[';
    let hex = '';
    let pen = first.x;
    for (let i = 0; i < run.length; i++) {
      const g = run[i]!;
      if (i > 0) {
        // Text-space thousandths that move the pen from where the last glyph left it to this glyph's x.
        const adjust = Math.round(((pen - g.x) * 1000 * 100) / hx) / 100;
        if (adjust !== 0) {
          if (hex) tj += `<${hex}>`;
          hex = '';
          tj += num(adjust);
          pen -= (adjust * hx) / 1000;
        }
      }
      const use = this.res.font(g.face).use;
      const cid = use.cid(g);
      hex += hex4(cid);
      pen += (use.width(cid) * hx) / 1000;
    }
    if (hex) tj += `<${hex}>`;
    this.op(`${tj}] TJ`);
  }

  rule(r: RuleItem): void {
    this.endText();
    this.setOverprint(isPureK(r.color));
    this.setStroke(r.color);
    const w = r.width;
    // Same dash pattern as the screen renderer (src/core/render/svg.ts): screen = print.
    const dash = r.style === 'dashed' ? `[${num(4 * w)} ${num(2 * w)}] 0 d` : r.style === 'dotted' ? `[${num(w)} ${num(2 * w)}] 0 d` : '[] 0 d';
    this.op(`${num(w)} w ${dash}`);
    this.op(`${num(r.x1)} ${num(this.height - r.y1)} m ${num(r.x2)} ${num(this.height - r.y2)} l S`);
  }

  rect(r: RectItem): void {
    this.endText();
    const box = `${num(r.x)} ${num(this.height - r.y - r.h)} ${num(r.w)} ${num(r.h)} re`;
    if (r.fill) {
      // Fills knock out: a 100 % K panel overprinting a photo would print the photo through it.
      this.setOverprint(false);
      this.setFill(r.fill);
      this.op(`${box} f`);
    }
    if (r.stroke) {
      this.setOverprint(isPureK(r.stroke.color));
      this.setStroke(r.stroke.color);
      this.op(`${num(r.stroke.width)} w [] 0 d ${box} S`);
    }
  }

  image(name: string, item: ImageItem): void {
    this.endText();
    this.setOverprint(false);
    const { x, y, w, h, clip } = item;
    const place = `${num(w)} 0 0 ${num(h)} ${num(x)} ${num(this.height - y - h)} cm /${name} Do`;
    if (clip) {
      const c = `${num(clip.x)} ${num(this.height - clip.y - clip.h)} ${num(clip.w)} ${num(clip.h)} re W n`;
      this.op(`q ${c} ${place} Q`);
    } else this.op(`q ${place} Q`);
  }

  text(): string {
    this.endText();
    return this.out.join('\n');
  }
}

function sameRun(a: GlyphItem, b: GlyphItem, pen: number, res: ContentResources): boolean {
  return (
    (a.face === b.face || res.font(a.face).name === res.font(b.face).name) &&
    a.size === b.size &&
    a.scaleX === b.scaleX &&
    (a.scaleY ?? 1) === (b.scaleY ?? 1) &&
    !a.rotate &&
    !b.rotate &&
    Math.abs(a.y - b.y) < 1e-6 &&
    a.color.c === b.color.c &&
    a.color.m === b.color.m &&
    a.color.y === b.color.y &&
    a.color.k === b.color.k &&
    // A jump of more than 2 em starts a new run so text extraction sees separate pieces of text.
    Math.abs(b.x - pen) <= 2 * a.size
  );
}

/**
 * The content stream of one page in the trim box's own coordinates (origin bottom-left of the trim);
 * the caller translates it to where the trim sits on the sheet.
 */
export function pageContent(page: DisplayPage, resources: ContentResources): string {
  // Looked up per glyph (runs join slices of one face): remembered per face key for the page.
  const fonts = new Map<string, ReturnType<ContentResources['font']>>();
  const res: ContentResources = {
    ...resources,
    font(faceKey) {
      let f = fonts.get(faceKey);
      if (!f) fonts.set(faceKey, (f = resources.font(faceKey)));
      return f;
    },
  };
  const w = new Writer(res, page.height);
  const items = page.items;
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.kind === 'glyph') {
      const run: GlyphItem[] = [item];
      let pen = item.x + item.advance;
      let j = i + 1;
      while (j < items.length) {
        const next = items[j]!;
        if (next.kind !== 'glyph' || !sameRun(item, next, pen, res)) break;
        run.push(next);
        pen = next.x + next.advance;
        j++;
      }
      w.glyphRun(run);
      i = j;
      continue;
    }
    if (item.kind === 'rule') w.rule(item);
    else if (item.kind === 'rect') w.rect(item);
    else w.image(res.image(item.assetId), item);
    i++;
  }
  return w.text();
}
