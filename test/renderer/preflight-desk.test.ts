import { beforeAll, describe, expect, it } from 'vitest';
import { type DisplayPage } from '../../src/core/display/types';
import { type LayoutReport, type StoryFit } from '../../src/core/layout';
import { type IssueMeta, type Story } from '../../src/core/model';
import { deskPreflight } from '../../src/renderer/src/preflight/desk-preflight';
import { locate } from '../../src/renderer/src/preflight/spot';
import { appendToFirstParagraph, layOut, openSample } from './sample-layout';

let meta: IssueMeta;
let stories: Map<string, Story>;
beforeAll(async () => {
  ({ meta, stories } = await openSample());
}, 60_000);

const run = async (m: IssueMeta, s: ReadonlyMap<string, Story>) => {
  const r = await layOut(m, s);
  return { findings: deskPreflight(m, s, r.report, r.display.pages), pages: r.display.pages };
};
const firstStory = () => stories.get(meta.storyIds[0]!)!;
const textFrameOf = (m: IssueMeta, storyId: string) => m.pages[0]!.frames.filter((f) => f.kind === 'text' && f.storyId === storyId).map((f) => f.id);

describe('desk preflight', () => {
  it('finds nothing on the sample page as shipped', async () => {
    expect((await run(meta, stories)).findings).toEqual([]);
  }, 60_000);

  it('names a character no font can draw, on its page, in its story\'s frame', async () => {
    const s = appendToFirstParagraph(firstStory(), '\u0E01');
    const { findings } = await run(meta, new Map(stories).set(s.id, s));
    const missing = findings.filter((f) => f.code === 'missing-glyph');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toBe(`第 07 版「${s.slug}」：字符「\u0E01」（U+0E01）没有字体能排出，以〓代替`);
    expect(missing[0]!.spot.pageIndex).toBe(0);
    expect(missing[0]!.spot.storyId).toBe(s.id);
    expect(textFrameOf(meta, s.id)).toContain(missing[0]!.spot.frameId);
  }, 60_000);

  it('reports an overset story at the frame its text runs out of', async () => {
    const s = appendToFirstParagraph(firstStory(), '招商引资是经济发展的源头活水。'.repeat(40));
    const { findings } = await run(meta, new Map(stories).set(s.id, s));
    const over = findings.filter((f) => f.code === 'overset');
    expect(over).toHaveLength(1);
    expect(over[0]!.severity).toBe('error');
    expect(over[0]!.message).toMatch(new RegExp(`^第 07 版「${s.slug}」超版 \\d+ 字（\\d+ 行）$`));
    expect(over[0]!.spot.pageIndex).toBe(0);
    expect(textFrameOf(meta, s.id).at(-1)).toBe(over[0]!.spot.frameId);
  }, 60_000);

  it('flags a photo too coarse for its placed size, as an error below the hard limit', async () => {
    const asset = meta.assets[0]!;
    const coarse: IssueMeta = { ...meta, assets: meta.assets.map((a) => (a.id === asset.id ? { ...a, widthPx: 120, heightPx: 90 } : a)) };
    const { findings } = await run(coarse, stories);
    const low = findings.filter((f) => f.code === 'image-low-res');
    expect(low).toHaveLength(1);
    expect(low[0]!.severity).toBe('error');
    expect(low[0]!.message).toMatch(/只有 \d+ ppi，低于 170 ppi$/);
    const frame = meta.pages[0]!.frames.find((f) => f.id === low[0]!.spot.frameId);
    expect(frame?.kind).toBe('image');
  }, 60_000);

  it('lists a picture frame whose photo has not arrived', async () => {
    const withPhoto = [...stories.values()].find((s) => s.photos.length > 0)!;
    const waiting = { ...withPhoto, photos: withPhoto.photos.map((p, i) => (i === 0 ? { ...p, assetId: null } : p)) };
    const { findings } = await run(meta, new Map(stories).set(waiting.id, waiting));
    const missing = findings.filter((f) => f.code === 'image-missing');
    expect(missing).toHaveLength(1);
    const frame = meta.pages[0]!.frames.find((f) => f.kind === 'image' && f.storyId === waiting.id && f.photoIndex === 0)!;
    expect(missing[0]!.message).toBe(`第 07 版「${withPhoto.slug}」的图片框 ${frame.id}：还没有图片`);
    expect(missing[0]!.spot).toEqual({ pageIndex: 0, frameId: frame.id, storyId: waiting.id });
  }, 60_000);

  it('turns each photo layout reports missing into a finding at its picture frame, saying why', () => {
    const display = (pageId: string, number: string): DisplayPage => ({ pageId, number, width: 100, height: 100, items: [], faces: {}, frames: [] });
    const fit = (storyId: string, slug: string, photosMissing: StoryFit['photosMissing']): StoryFit => ({
      storyId, slug, frames: [], linesUsed: 0, oversetChars: 0, oversetLines: 0, undersetLines: 0, undersetChars: 0, missing: [], problems: [], photosMissing,
    });
    const report: LayoutReport = {
      pages: [], unplaced: [],
      stories: [
        fit('s1', '雷锋', [
          { reason: 'no-asset', frameId: 'img1', photoIndex: 0, pageId: 'p2', pageNumber: 'A02' },
          { reason: 'no-photo', frameId: 'img3', photoIndex: 2, pageId: 'p1', pageNumber: 'A01' },
        ]),
        fit('s2', '红色', [{ reason: 'asset-not-in-issue', assetId: `${'b'.repeat(64)}.jpg`, frameId: 'img9', photoIndex: 1, pageId: 'p2', pageNumber: 'A02' }]),
      ],
    };
    const findings = deskPreflight(meta, new Map(), report, [display('p1', 'A01'), display('p2', 'A02')]);
    expect(findings.map((f) => [f.severity, f.code, f.message, f.spot])).toEqual([
      ['error', 'image-missing', '第 A02 版「雷锋」的图片框 img1：还没有图片', { pageIndex: 1, frameId: 'img1', storyId: 's1' }],
      ['error', 'image-missing', '第 A01 版「雷锋」的图片框 img3：稿件没有第 3 张图片', { pageIndex: 0, frameId: 'img3', storyId: 's1' }],
      ['error', 'image-missing', '第 A02 版「红色」的图片框 img9：图片文件不在本期的图片库中', { pageIndex: 1, frameId: 'img9', storyId: 's2' }],
    ]);
  });

  it('locates an export finding by 版次, story or photo', async () => {
    const { pages } = await run(meta, stories);
    const s = firstStory();
    const spot0 = locate(pages, { pageNumber: '07', storyId: s.id });
    expect(spot0).toMatchObject({ pageIndex: 0, storyId: s.id });
    const frame0 = meta.pages[0]!.frames.find((f) => f.id === spot0.frameId);
    expect(frame0 && 'storyId' in frame0 ? frame0.storyId : null).toBe(s.id);
    const img = pages[0]!.items.find((i) => i.kind === 'image');
    const spot = locate(pages, { assetId: img?.kind === 'image' ? img.assetId : '' });
    expect(meta.pages[0]!.frames.find((f) => f.id === spot.frameId)?.kind).toBe('image');
    expect(locate(pages, { pageNumber: 'B01' })).toEqual({ pageIndex: null, frameId: null, storyId: null });
  }, 60_000);
});
