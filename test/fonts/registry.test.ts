import { describe, expect, it } from 'vitest';
import { FontRegistry, parseFontFile, nearestWeight, type FontLoader } from '../../src/core/fonts';
import { sliceTable } from '../../src/core/fonts/slice-index';
import { nodeFontLoader, fontsourcePath } from '../../src/main/fonts/node-font-loader';

const BODY = { role: '书宋', weight: 400 } as const;
const KAI = { role: '楷体', weight: 400 } as const;
const TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

describe('font files', () => {
  it('parses loader paths and rejects nonsense with a Chinese message', () => {
    expect(parseFontFile('fontsource:noto-serif-sc/400/117')).toEqual({ kind: 'fontsource', pkg: 'noto-serif-sc', weight: 400, slice: '117' });
    expect(parseFontFile('file:/a/b.ttc#2')).toEqual({ kind: 'file', path: '/a/b.ttc', index: 2 });
    expect(() => parseFontFile('arial.ttf')).toThrow(/字体路径无法识别/);
  });

  it('maps weights as CSS font matching does', () => {
    expect(nearestWeight(400, [300, 500, 700])).toBe(500);
    expect(nearestWeight(900, [400, 700, 900])).toBe(900);
    expect(nearestWeight(300, [400, 700])).toBe(400);
    expect(nearestWeight(600, [400, 700])).toBe(700);
  });

  it('the slice index sends “ ” to the last declared face that has them (latin), and Han to numbered slices', () => {
    const t = sliceTable('noto-serif-sc', 400);
    expect(t.owner.get(0x201c)).toBe('latin');
    expect(t.owner.get(0x56fd)).toMatch(/^\d+$/);
    expect(t.owner.size).toBeGreaterThan(13000);
  });

  it('reports a missing fontsource file by path', async () => {
    await expect(nodeFontLoader.load('fontsource:noto-serif-sc/400/9999')).rejects.toThrow(/文件不存在/);
    expect(fontsourcePath('lxgw-wenkai', 500, 'all')).toMatch(/lxgw-wenkai-latin-500-normal\.woff$/);
  });
});

describe('registry', () => {
  it('loads only the slices a text needs and measures from the real files', async () => {
    const loaded: string[] = [];
    const spy: FontLoader = { load: (f) => { loaded.push(f); return nodeFontLoader.load(f); } };
    const reg = new FontRegistry(spy);
    await reg.ensure('国家G', [BODY]);
    expect(loaded.every((f) => f.startsWith('fontsource:noto-serif-sc/400/'))).toBe(true);
    expect(loaded.length).toBeLessThanOrEqual(3);
    const g = reg.glyph(BODY, 0x56fd);
    expect(g.advance).toBe(1);
    expect(reg.unitsPerEm(g.face)).toBe(1000);
    expect(reg.glyph(BODY, 0x47).advance).toBeCloseTo(0.741, 3); // G from the latin slice
    const face = reg.primaryFace(BODY);
    expect(face.ascent).toBeGreaterThan(0.8);
    expect(face.descent).toBeLessThan(0);
    expect(() => reg.glyph(BODY, 0x4e00 + 7)).toThrow(/ensure/);
  });

  it('shapes —— to one ligature glyph', async () => {
    const reg = new FontRegistry(nodeFontLoader);
    await reg.ensure('春季开学季——英烈', [BODY]);
    const d = reg.dash(BODY);
    expect(d.gids).toHaveLength(1);
    expect(d.advance).toBeCloseTo(1.692, 3);
  });

  it('楷体 loads only the slices of LXGW WenKai a text needs; 仿宋 falls back to it with a note', async () => {
    const loaded: string[] = [];
    const spy: FontLoader = { load: (f) => { loaded.push(f); return nodeFontLoader.load(f); } };
    const reg = new FontRegistry(spy);
    await reg.ensure('通讯员', [KAI, { role: '仿宋', weight: 400 }]);
    const slice = sliceTable('lxgw-wenkai', 500).owner.get(0x901a);
    expect(slice).toMatch(/^\d+$/);
    expect(reg.glyph(KAI, 0x901a).face).toBe(`fs-lxgw-wenkai-500-${slice}`);
    expect(reg.glyph({ role: '仿宋', weight: 400 }, 0x901a).face).toBe(`fs-lxgw-wenkai-500-${slice}`);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.length).toBeLessThanOrEqual(3);
    expect(loaded.every((f) => /^fontsource:lxgw-wenkai\/500\/\w+$/.test(f) && !f.endsWith('/all'))).toBe(true);
    for (const f of loaded) expect((await nodeFontLoader.load(f)).length).toBeLessThan(1_000_000);
    expect(reg.notes(['仿宋'])).toEqual(['仿宋：未登记字体，暂以楷体（霞鹜文楷）代替']);
    expect(reg.notes(['书宋', '楷体'])).toEqual([]);
  });

  it('a character no font draws becomes 〓 flagged missing, and is listed', async () => {
    const reg = new FontRegistry(nodeFontLoader);
    await reg.ensure('字\u{20000}', [BODY]);
    const g = reg.glyph(BODY, 0x20000);
    expect(g.missing).toBe(true);
    expect(g.gid).toBe(reg.glyph(BODY, 0x3013).gid);
    expect(reg.missing()).toEqual([0x20000]);
  });

  it('a newsroom TTC replaces a role (Debian fonts-noto-cjk, SC face = index 2)', async () => {
    const reg = new FontRegistry(nodeFontLoader, [{ role: '书宋', weight: 400, file: `file:${TTC}`, index: 2, family: 'Noto Serif CJK SC' }]);
    await reg.ensure('太白湖新区——', [BODY]);
    const g = reg.glyph(BODY, 0x592a);
    expect(reg.faceInfo(g.face)).toMatchObject({ family: 'Noto Serif CJK SC', file: `file:${TTC}#2`, unitsPerEm: 1000 });
    expect(reg.glyphPath(g.face, g.gid)).toMatch(/^M[-\d.]+ [-\d.]+/);
    expect(reg.faceBytes(g.face).length).toBeGreaterThan(1_000_000);
    expect(reg.dash(BODY).gids).toHaveLength(1);
  });

  it('outlines and bytes for the outputs', async () => {
    const reg = new FontRegistry(nodeFontLoader);
    await reg.ensure('国', [BODY]);
    const g = reg.glyph(BODY, 0x56fd);
    expect(reg.glyphPath(g.face, g.gid).length).toBeGreaterThan(50);
    const bytes = reg.faceBytes(g.face);
    expect([bytes[0], bytes[1], bytes[2], bytes[3]]).toEqual([0, 1, 0, 0]); // TrueType SFNT, not WOFF
    expect(reg.faceTable()[g.face]?.psName).toMatch(/^NotoSerifSC-400-/);
  });

  it('a bad newsroom file is reported with its path', async () => {
    const reg = new FontRegistry(nodeFontLoader, [{ role: '黑体', weight: 400, file: 'file:/nonexistent/方正黑体.ttf', index: 0, family: 'FZHei' }]);
    await expect(reg.ensure('字', [{ role: '黑体', weight: 400 }])).rejects.toThrow(/方正黑体\.ttf.*文件不存在/);
  });
});

describe('readiness without waiting', () => {
  it('knows a text is ready only once ensure has loaded every character, the role face and the —— ligature', async () => {
    const reg = new FontRegistry(nodeFontLoader);
    expect(reg.ready('国家', [BODY])).toBe(false);
    await reg.ensure('国家', [BODY]);
    expect(reg.ready('国家', [BODY])).toBe(true);
    expect(reg.ready('国　家 ', [BODY])).toBe(true); // spaces need no glyph
    expect(reg.ready('国家队', [BODY])).toBe(false);
    expect(reg.ready('国家', [BODY, KAI])).toBe(false);
    await reg.ensure('国家——', [BODY]);
    expect(reg.ready('国家——', [BODY])).toBe(true);
  });
});
