import { describe, expect, it } from 'vitest';
import { coverageFor, coverageSources, type FontLoader } from '../../src/core/fonts';
import { type Story } from '../../src/core/model';
import { checkStories, storyFields } from '../../src/core/text/proof/index';
import { importText } from '../../src/core/text/index';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

// 㐂 (U+3402) is in LXGW WenKai (楷体) but in no Noto SC slice; ⊄ (U+2284) only in Debian's Noto Serif CJK
// (fonts-noto-cjk, which the tests already use as a newsroom font); 𠀀 (U+20000) in none of them.
const KAI_ONLY = 0x3402;
const HOUSE_ONLY = 0x2284;
const NONE = 0x20000;
const TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const HOUSE = [{ role: '书宋' as const, weight: 400, file: `file:${TTC}`, index: 2, family: 'Noto Serif CJK SC' }];
const TEXT = `太白湖${String.fromCodePoint(KAI_ONLY, HOUSE_ONLY, NONE)}　 `;

describe('coverageFor: every role chain, 楷体 and the newsroom fonts included', () => {
  it('knows what only LXGW WenKai draws, and what no bundled font draws', async () => {
    const covers = await coverageFor(TEXT, nodeFontLoader, []);
    expect(covers(0x592a)).toBe(true); // 太, a Noto slice
    expect(covers(KAI_ONLY)).toBe(true);
    expect(covers(HOUSE_ONLY)).toBe(false);
    expect(covers(NONE)).toBe(false);
    expect(covers(0x3000)).toBe(true); // spaces need no glyph
  });

  it('counts a registered house font, and parses no whole file when Noto draws everything', async () => {
    expect((await coverageFor(TEXT, nodeFontLoader, HOUSE))(HOUSE_ONLY)).toBe(true);
    const asked: string[] = [];
    const spy: FontLoader = { load: (file) => (asked.push(file), nodeFontLoader.load(file)) };
    const covers = await coverageFor('太白湖新区重大项目集中开工', spy, HOUSE);
    expect(covers(0x592a)).toBe(true);
    expect(asked).toEqual([]);
  });

  it('treats a house font that cannot be read as covering nothing, without failing', async () => {
    const broken = [{ ...HOUSE[0]!, file: 'file:/nonexistent/方正书宋.ttf', index: 0 }];
    const covers = await coverageFor(TEXT, nodeFontLoader, broken);
    expect(covers(HOUSE_ONLY)).toBe(false);
    expect(covers(KAI_ONLY)).toBe(true);
  });

  it('lists the house font first, then the bundled chain, each source once', () => {
    const sources = coverageSources(HOUSE);
    expect(sources[0]).toMatchObject({ kind: 'whole', file: `file:${TTC}#2` });
    expect(sources.some((s) => s.kind === 'sliced' && s.pkg === 'lxgw-wenkai')).toBe(true);
    const keys = sources.map((s) => (s.kind === 'whole' ? s.file : `${s.pkg}/${s.weight}`));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('proofreading with the chain coverage', () => {
  const story = (): Story => importText(`读书节开幕\n\n本报讯 生僻字${String.fromCodePoint(KAI_ONLY)}与${String.fromCodePoint(HOUSE_ONLY)}和${String.fromCodePoint(NONE)}出现在正文里。\n`).stories[0]!;
  const noGlyph = async (house: typeof HOUSE | []) => {
    const s = story();
    const covers = await coverageFor(storyFields(s).map((f) => f.text).join(''), nodeFontLoader, house);
    return checkStories([s], { covers }).filter((f) => f.rule === 'no-glyph').map((f) => f.text.codePointAt(0));
  };

  it('reports only what no font of the chains can draw', async () => {
    expect(await noGlyph([])).toEqual([HOUSE_ONLY, NONE]);
    expect(await noGlyph(HOUSE)).toEqual([NONE]);
  });
});
