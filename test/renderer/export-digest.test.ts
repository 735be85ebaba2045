import { beforeAll, describe, expect, it } from 'vitest';
import { digestPage } from '../../src/core/display/digest';
import { type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { type LayoutResult } from '../../src/core/layout';
import { layOut, openSample } from './sample-layout';

let first: LayoutResult;
let second: LayoutResult;
beforeAll(async () => {
  const { meta, stories } = await openSample();
  first = await layOut(meta, stories);
  second = await layOut(meta, stories);
}, 60_000);

const withGlyph = (page: DisplayPage, change: (g: GlyphItem) => GlyphItem): DisplayPage => {
  const i = page.items.findIndex((it) => it.kind === 'glyph');
  return { ...page, items: page.items.map((it, k) => (k === i ? change(it as GlyphItem) : it)) };
};

describe('display page fingerprint', () => {
  it('is the same for two independent layouts of the same issue', () => {
    const a = digestPage(first.display.pages[0]!);
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.glyphs).toBeGreaterThan(5000);
    expect(digestPage(second.display.pages[0]!)).toEqual(a);
  });

  it('changes when one glyph moves by a hundredth of a point, changes face, or changes text', () => {
    const page = first.display.pages[0]!;
    const base = digestPage(page).hash;
    expect(digestPage(withGlyph(page, (g) => ({ ...g, x: g.x + 0.01 }))).hash).not.toBe(base);
    expect(digestPage(withGlyph(page, (g) => ({ ...g, gid: g.gid + 1 }))).hash).not.toBe(base);
    expect(digestPage(withGlyph(page, (g) => ({ ...g, text: '〓' }))).hash).not.toBe(base);
    expect(digestPage({ ...page, items: page.items.slice(0, -1) }).hash).not.toBe(base);
  });

  it('ignores float noise below 1/1000 pt and what the run calls its faces', () => {
    const page = first.display.pages[0]!;
    const base = digestPage(page).hash;
    expect(digestPage(withGlyph(page, (g) => ({ ...g, x: g.x + 1e-7 }))).hash).toBe(base);
    // The same faces under other keys (another registry's naming) draw the same page.
    const rename = (k: string) => `other-${k}`;
    const faces = Object.fromEntries(Object.entries(page.faces).map(([k, f]) => [rename(k), { ...f, key: rename(k) }]));
    const items = page.items.map((it) => (it.kind === 'glyph' ? { ...it, face: rename(it.face) } : it));
    expect(digestPage({ ...page, faces, items }).hash).toBe(base);
  });
});
