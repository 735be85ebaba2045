import { describe, expect, it } from 'vitest';
import { BLACK, type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { renderSvg } from '../../src/core/render';

const glyph = (gid: number, x: number, extra: Partial<GlyphItem> = {}): GlyphItem => ({
  kind: 'glyph', face: 'f1', gid, x, y: 100, size: 9, scaleX: 1, advance: 9, color: BLACK, text: '字', src: null, ...extra,
});

const page: DisplayPage = {
  pageId: 'p', number: '01', width: 600, height: 800,
  faces: { f1: { key: 'f1', family: 'Test', weight: 400, file: 'file:/t.ttf', psName: 'Test', unitsPerEm: 1000 } },
  frames: [{ frameId: 'a', storyId: null, x: 10, y: 10, w: 100, h: 100 }],
  items: [
    { kind: 'rect', x: 5, y: 5, w: 50, h: 20, fill: { c: 0, m: 0, y: 0, k: 0.1 } },
    glyph(7, 10), glyph(7, 19), glyph(8, 28, { scaleX: 0.8, size: 24 }), glyph(9, 40),
    { kind: 'rule', x1: 0, y1: 200, x2: 100, y2: 200, width: 0.5, style: 'dotted', color: BLACK },
    { kind: 'image', assetId: 'a.jpg', x: 0, y: 300, w: 200, h: 100, src: null, clip: { x: 20, y: 300, w: 100, h: 100 } },
    { kind: 'image', assetId: 'missing.jpg', x: 300, y: 300, w: 100, h: 100, src: null },
  ],
};

const outlines = { outline: (_face: unknown, gid: number) => (gid === 9 ? '' : `M0 0L${gid} 0L${gid} ${gid}Z`) };

describe('display list → SVG', () => {
  const svg = renderSvg(page, { outlines, imageHref: (id) => (id === 'a.jpg' ? 'data:image/jpeg;base64,AAAA' : null), frameGuides: true });

  it('draws glyph outlines, never text', () => {
    expect(svg).not.toMatch(/<text/);
    expect(svg.match(/<path id="/g)).toHaveLength(2); // gid 7 once, gid 8 once, blank gid 9 not at all
    expect(svg.match(/<use /g)).toHaveLength(3);
  });

  it('scales each use from font units to the glyph size, 长体 in x, flipped y on the baseline', () => {
    expect(svg).toContain('<use href="#g0-7" transform="matrix(0.009 0 0 -0.009 10 100)"');
    expect(svg).toContain('transform="matrix(0.0192 0 0 -0.024 28 100)"');
  });

  it('clips a filled picture to its frame and marks a missing one', () => {
    expect(svg).toMatch(/<clipPath id="c0"><rect x="20" y="300" width="100" height="100"\/><\/clipPath>/);
    expect(svg).toContain('clip-path="url(#c0)"');
    expect(svg).toMatch(/<rect x="300" y="300" width="100" height="100" fill="#e6e6e6"/);
  });

  it('draws tints, dotted rules and frame guides', () => {
    expect(svg).toContain('fill="#e6e6e6"');
    expect(svg).toMatch(/<line [^>]*stroke-dasharray="0.5 1"/);
    expect(svg).toContain('data-frame="a"');
  });

  it('refuses a glyph whose face is not in the faces table', () => {
    const bad = { ...page, items: [glyph(1, 0, { face: 'nope' })] };
    expect(() => renderSvg(bad, { outlines })).toThrow(/nope/);
  });
});
