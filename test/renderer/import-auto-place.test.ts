import { describe, expect, it } from 'vitest';
import { autoPlace, emptyPages } from '../../src/renderer/src/importer/auto-place';
import { sampleMeta } from './frames-fixture';

describe('auto-place imported stories', () => {
  it('offers only pages with nothing but a running head, and refuses to compose over a page that has frames', async () => {
    const meta = sampleMeta();
    expect(emptyPages(meta)).toEqual([]);
    const blank = { ...meta, pages: [...meta.pages, { ...meta.pages[0]!, id: 'page-08', number: '08', frames: meta.pages[0]!.frames.filter((f) => f.kind === 'runningHead') }] };
    expect(emptyPages(blank).map((p) => p.page.number)).toEqual(['08']);
    await expect(autoPlace(blank, 0, [], [], new Map())).rejects.toThrow('第 07 版已有稿件，自动排版只用于空白版面');
  });
});
