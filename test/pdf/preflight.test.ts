import { describe, expect, it } from 'vitest';
import { BLACK, type DisplayPage, type FaceInfo, type GlyphItem } from '../../src/core/display/types';
import { hasErrors, preflightPage, type ImageFacts, type PreflightInput } from '../../src/core/pdf';

const FACE: FaceInfo = { key: 'f', family: 'Test', weight: 400, file: 'file:/fonts/test.ttf', psName: 'Test', unitsPerEm: 1000 };

const glyph = (text: string, over: Partial<GlyphItem> = {}): GlyphItem => ({
  kind: 'glyph', face: 'f', gid: 1, x: 10, y: 20, size: 10, scaleX: 1, advance: 10, color: BLACK, text,
  src: { storyId: 's1', field: 'body', offset: 0, length: text.length }, ...over,
});

const page = (items: DisplayPage['items']): DisplayPage => ({ pageId: 'p1', number: 'A03', width: 500, height: 700, items, faces: { f: FACE }, frames: [] });

const jpeg = (widthPx: number, heightPx: number, color: ImageFacts['color'] = 'cmyk'): ImageFacts => ({
  format: 'jpeg', widthPx, heightPx, color, alpha: false, adobe: true, bitsPerComponent: 8,
});

function input(p: DisplayPage, over: Partial<PreflightInput> = {}): PreflightInput {
  return {
    page: p,
    pdfx: '1a',
    limits: { minImagePpi: 200, errorImagePpi: 170, tacLimit: 220 },
    images: new Map(),
    fontFsType: new Map([[FACE.file, 0]]),
    ...over,
  };
}

describe('preflight', () => {
  it('passes a clean page', () => {
    expect(preflightPage(input(page([glyph('中')])))).toEqual([]);
  });

  it('reports each character no font can draw once, with its code point and count', () => {
    const f = preflightPage(input(page([glyph('𪚥', { missing: true }), glyph('𪚥', { missing: true }), glyph('中')])));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', code: 'missing-glyph', page: 'A03', storyId: 's1' });
    expect(f[0]!.message).toContain('U+2A6A5');
    expect(f[0]!.message).toContain('2 处');
    expect(hasErrors(f)).toBe(true);
  });

  it('judges photo resolution at the placed size: < 200 ppi warns, < 170 ppi stops the page', () => {
    // 72 pt wide = 1 inch: the pixel width is the ppi.
    const img = { kind: 'image' as const, assetId: 'a.jpg', x: 0, y: 0, w: 72, h: 72, src: null };
    const at = (px: number) => preflightPage(input(page([img]), { images: new Map([['a.jpg', jpeg(px, px)]]) }));
    expect(at(200)).toEqual([]);
    expect(at(199)).toMatchObject([{ severity: 'warning', code: 'image-low-res' }]);
    expect(at(170)).toMatchObject([{ severity: 'warning', code: 'image-low-res' }]);
    expect(at(169)).toMatchObject([{ severity: 'error', code: 'image-low-res' }]);
    // The worse direction counts: a photo stretched vertically.
    expect(preflightPage(input(page([{ ...img, h: 144 }]), { images: new Map([['a.jpg', jpeg(300, 300)]]) }))).toMatchObject([
      { severity: 'error', code: 'image-low-res' },
    ]);
  });

  it('stops RGB photos in PDF/X-1a mode but not in plain mode, and reports unreadable and converted photos', () => {
    const img = { kind: 'image' as const, assetId: 'a.jpg', x: 0, y: 0, w: 72, h: 72, src: null };
    const images = new Map([['a.jpg', jpeg(300, 300, 'rgb')]]);
    expect(preflightPage(input(page([img]), { images }))).toMatchObject([{ severity: 'error', code: 'image-rgb' }]);
    expect(preflightPage(input(page([img]), { images, pdfx: 'none' }))).toEqual([]);
    expect(preflightPage(input(page([img]), { imageErrors: new Map([['a.jpg', '文件不存在']]) }))).toMatchObject([
      { severity: 'error', code: 'image-unreadable', message: expect.stringContaining('文件不存在') },
    ]);
    const converted = preflightPage(input(page([img]), { images: new Map([['a.jpg', jpeg(300, 300)]]), converted: new Map([['a.jpg', '已由 RGB 转为 CMYK']]) }));
    expect(converted).toMatchObject([{ severity: 'info', code: 'image-converted' }]);
    expect(hasErrors(converted)).toBe(false);
  });

  it('stops fonts whose licence forbids embedding (OS/2 fsType)', () => {
    const restricted = preflightPage(input(page([glyph('中')]), { fontFsType: new Map([[FACE.file, 0x0002]]) }));
    expect(restricted).toMatchObject([{ severity: 'error', code: 'font-not-embeddable', file: FACE.file }]);
    expect(preflightPage(input(page([glyph('中')]), { fontFsType: new Map([[FACE.file, 0x0200]]) }))).toMatchObject([{ code: 'font-not-embeddable' }]);
    // Preview & print (4) and editable (8) embedding are allowed.
    expect(preflightPage(input(page([glyph('中')]), { fontFsType: new Map([[FACE.file, 0x0004]]) }))).toEqual([]);
    expect(preflightPage(input(page([glyph('中')]), { fontFsType: new Map() }))).toMatchObject([{ code: 'font-unreadable' }]);
  });

  it('a picture frame without its photo is an error on its own page: awaited, its file gone, or no such photo', () => {
    const photosMissing: PreflightInput['photosMissing'] = [
      { reason: 'no-asset', storyId: 's1', slug: '雷锋', photoIndex: 0, pageId: 'p1' },
      { reason: 'asset-not-in-issue', assetId: 'ab12.jpg', storyId: 's2', slug: '红色', photoIndex: 1, pageId: 'p1' },
      { reason: 'no-photo', storyId: 's4', slug: '春耕', photoIndex: 2, pageId: 'p1' },
      { reason: 'no-asset', storyId: 's3', slug: '别的版', photoIndex: 0, pageId: 'p9' },
    ];
    const f = preflightPage(input(page([glyph('中')]), { photosMissing, imageNames: new Map([['ab12.jpg', '红色基因.jpg']]) }));
    expect(f.map((x) => [x.severity, x.code, x.storyId, x.assetId, x.message])).toEqual([
      ['error', 'image-missing', 's1', undefined, '第 A03 版：稿件「雷锋」的第 1 张图片尚未到稿'],
      ['error', 'image-missing', 's2', 'ab12.jpg', '第 A03 版：稿件「红色」的第 2 张图片的文件「红色基因.jpg」不在本期图片库中'],
      ['error', 'image-missing', 's4', undefined, '第 A03 版：稿件「春耕」没有第 3 张图片，图片框是空的'],
    ]);
  });

  it('reports overset stories on the pages they run on', () => {
    const overset = [
      { storyId: 's1', slug: '招商引资', oversetChars: 37, oversetLines: 3, pageIds: ['p1'] },
      { storyId: 's2', slug: '别的版', oversetChars: 5, oversetLines: 1, pageIds: ['p9'] },
      { storyId: 's3', slug: '正好', oversetChars: 0, oversetLines: 0, pageIds: ['p1'] },
    ];
    const f = preflightPage(input(page([glyph('中')]), { overset }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', code: 'overset', storyId: 's1' });
    expect(f[0]!.message).toContain('37 字');
  });

  it('warns about photos above the ink limit', () => {
    const img = { kind: 'image' as const, assetId: 'a.jpg', x: 0, y: 0, w: 72, h: 72, src: null };
    const images = new Map([['a.jpg', jpeg(300, 300)]]);
    expect(preflightPage(input(page([img]), { images, imageInk: new Map([['a.jpg', 220]]) }))).toEqual([]);
    const f = preflightPage(input(page([img]), { images, imageInk: new Map([['a.jpg', 286]]) }));
    expect(f).toMatchObject([{ severity: 'warning', code: 'ink-limit', assetId: 'a.jpg' }]);
    expect(f[0]!.message).toContain('286%');
  });

  it('flags colours above the ink limit', () => {
    const rich = { c: 0.6, m: 0.6, y: 0.6, k: 1 };
    const f = preflightPage(input(page([{ kind: 'rect', x: 0, y: 0, w: 10, h: 10, fill: rich }, glyph('中', { color: { c: 0.5, m: 0.5, y: 0.2, k: 1 } })])));
    expect(f.map((x) => x.code)).toEqual(['ink-limit']); // 220 % exactly is allowed
    expect(f[0]!.message).toContain('280%');
  });
});
