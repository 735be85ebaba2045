import { describe, expect, it } from 'vitest';
import { copyfitMessage, copyfitOf } from '../../src/renderer/src/layout/copyfit';
import { DeskLayout, LatestOnly } from '../../src/renderer/src/layout/desk-layout';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { appendToFirstParagraph, openSample } from './sample-layout';
import { IpcFontLoader } from '../../src/renderer/src/layout/ipc-font-loader';
import { encodeFontBatch, fontBatchUrlPath, fontFilesFromBatchPath } from '../../src/main/ipc/font-route';
import { pagePixelWidth } from '../../src/renderer/src/layout/zoom';

const fit = (o: Partial<{ oversetChars: number; oversetLines: number; undersetChars: number; undersetLines: number }>) => ({
  oversetChars: 0, oversetLines: 0, undersetChars: 0, undersetLines: 0, ...o,
});

describe('copyfit label', () => {
  it('says 超 N 行 for overset text', () => expect(copyfitMessage(copyfitOf(fit({ oversetChars: 40, oversetLines: 3 })))).toEqual({ key: 'copyfit.overLines', n: 3 }));
  it('counts characters when the overset is under a line', () => expect(copyfitMessage(copyfitOf(fit({ oversetChars: 5 })))).toEqual({ key: 'copyfit.overChars', n: 5 }));
  it('says 欠 N 字 for empty cells', () => expect(copyfitMessage(copyfitOf(fit({ undersetChars: 12, undersetLines: 0 })))).toEqual({ key: 'copyfit.under', n: 12 }));
  it('says 正好 when it fills the frames exactly', () => expect(copyfitOf(fit({}))).toEqual({ state: 'fit' }));
  it('reports overset even if the layout also left lines empty elsewhere', () => expect(copyfitOf(fit({ oversetLines: 1, oversetChars: 9, undersetChars: 3 })).state).toBe('over'));
});

describe('page zoom', () => {
  it('draws 100 % at the printed size (96 dpi) and 200 % twice that', () => {
    const w = (390 / 25.4) * 72; // 390 mm in pt
    expect(pagePixelWidth(1, w, 1545, 800, 600)).toBeCloseTo((390 / 25.4) * 96, 6);
    expect(pagePixelWidth(2, w, 1545, 800, 600)).toBeCloseTo((390 / 25.4) * 192, 6);
  });
  it('fits the whole page in the view, by whichever side is tighter', () => {
    expect(pagePixelWidth('fit', 1000, 2000, 800, 600)).toBe(300);
    expect(pagePixelWidth('fit', 1000, 500, 800, 600)).toBe(800);
  });
});

describe('font bytes from the main process', () => {
  it('fetches the font route of its own origin and returns the exact bytes', async () => {
    const bytes = new Uint8Array([0, 1, 0, 0, 255, 128, 7]);
    const asked: string[] = [];
    const loader = new IpcFontLoader(async (url) => {
      asked.push(url);
      return new Response(bytes);
    });
    expect([...(await loader.load('fontsource:noto-serif-sc/400/117'))]).toEqual([...bytes]);
    expect(asked).toEqual(['/_fonts/fontsource%3Anoto-serif-sc%2F400%2F117']);
  });
  it('asks for the slices one layout needs in one request, and each whole-file family on its own', async () => {
    const asked: string[] = [];
    const answer = (files: string[]) => {
      const parts = files.map((f) => (f.endsWith('/2') ? { status: 404, bytes: new TextEncoder().encode(`没有 ${f}`) } : { status: 200, bytes: new TextEncoder().encode(f) }));
      return new Response(new Blob(encodeFontBatch(parts).map((c) => c.slice())));
    };
    const loader = new IpcFontLoader(async (url) => {
      asked.push(url);
      const files = fontFilesFromBatchPath(url);
      return files ? answer(files) : new Response(new TextEncoder().encode(decodeURIComponent(url)));
    });
    const text = async (p: Promise<Uint8Array>) => new TextDecoder().decode(await p);
    const one = loader.load('fontsource:noto-serif-sc/400/1');
    const two = loader.load('fontsource:noto-serif-sc/400/2');
    const kai = loader.load('fontsource:lxgw-wenkai/400/all');
    const three = loader.load('fontsource:noto-sans-sc/700/3');
    expect(await text(one)).toBe('fontsource:noto-serif-sc/400/1');
    expect(await text(three)).toBe('fontsource:noto-sans-sc/700/3');
    await expect(two).rejects.toThrow('无法载入字体 fontsource:noto-serif-sc/400/2：没有 fontsource:noto-serif-sc/400/2');
    expect(await text(kai)).toBe('/_fonts/fontsource:lxgw-wenkai/400/all');
    expect(asked).toEqual(['/_fonts/fontsource%3Alxgw-wenkai%2F400%2Fall', fontBatchUrlPath(['fontsource:noto-serif-sc/400/1', 'fontsource:noto-serif-sc/400/2', 'fontsource:noto-sans-sc/700/3'])]);
    // A later turn is a new request.
    await loader.load('fontsource:noto-serif-sc/400/1');
    expect(asked).toHaveLength(3);
  });
  it('fails every file of a batch whose answer is cut short, naming each', async () => {
    const loader = new IpcFontLoader(async () => new Response(new Uint8Array([0, 0, 0, 200, 0, 0, 0, 9, 1, 2])));
    const a = loader.load('fontsource:noto-serif-sc/400/1');
    const b = loader.load('fontsource:noto-serif-sc/400/5');
    await expect(a).rejects.toThrow('无法载入字体 fontsource:noto-serif-sc/400/1：字体批量应答不完整');
    await expect(b).rejects.toThrow('无法载入字体 fontsource:noto-serif-sc/400/5：字体批量应答不完整');
  });
  it('names the font file when the main process refuses it', async () => {
    const loader = new IpcFontLoader(async () => new Response('不是字体文件：/etc/passwd', { status: 403 }));
    await expect(loader.load('file:/etc/passwd')).rejects.toThrow('无法载入字体 file:/etc/passwd：不是字体文件：/etc/passwd');
  });
});

describe('latest-only layout runs', () => {
  it('runs one at a time and skips requests superseded while waiting', async () => {
    const started: number[] = [];
    let release: () => void = () => {};
    const runner = new LatestOnly(async (n: number) => {
      started.push(n);
      if (n === 1) await new Promise<void>((r) => (release = r));
      return n * 10;
    });
    const p1 = runner.request(1);
    const p2 = runner.request(2);
    const p3 = runner.request(3);
    release();
    expect(await Promise.all([p1, p2, p3])).toEqual([10, null, 30]);
    expect(started).toEqual([1, 3]);
  });
  it('passes a failure to its own request and keeps going', async () => {
    const runner = new LatestOnly(async (n: number) => {
      if (n === 1) throw new Error('坏了');
      return n;
    });
    await expect(runner.request(1)).rejects.toThrow('坏了');
    expect(await runner.request(2)).toBe(2);
  });
});

describe('the desk lays a keystroke out at once when its fonts are loaded', () => {
  it('gives no layout before the fonts are in, the same layout as run after, and none for an unseen character', async () => {
    const { meta, stories } = await openSample();
    const desk = new DeskLayout(nodeFontLoader);
    expect(desk.layOutNow(meta, stories)).toBeNull();
    const ran = await desk.run(meta, stories);
    const lead = [...stories.values()].find((s) => s.body.root.children.length > 2)!;
    // A character the story already has: laid out now, as run lays it out.
    const known = new Map(stories).set(lead.id, appendToFirstParagraph(lead, '新区'));
    const now = desk.layOutNow(meta, known)!;
    expect(now).not.toBeNull();
    const viaRun = await new DeskLayout(nodeFontLoader).run(meta, known);
    expect(now.display.pages[0]!.items.length).toBe(viaRun.display.pages[0]!.items.length);
    expect(now.display.pages[0]!.items.length).toBeGreaterThan(ran.display.pages[0]!.items.length);
    // A character no font has fetched yet: wait for run.
    expect(desk.layOutNow(meta, new Map(stories).set(lead.id, appendToFirstParagraph(lead, '龘')))).toBeNull();
  });
});

describe('the desk checks the page furniture once per issue object', () => {
  it('is ready again for keystrokes without the furniture, and not for a new issue whose furniture needs a font fetched', async () => {
    const { meta, stories } = await openSample();
    const desk = new DeskLayout(nodeFontLoader);
    await desk.run(meta, stories);
    const lead = [...stories.values()].find((s) => s.body.root.children.length > 2)!;
    for (const text of ['新', '区', '新区']) expect(desk.layOutNow(meta, new Map(stories).set(lead.id, appendToFirstParagraph(lead, text)))).not.toBeNull();
    // A page renamed to a character no font has fetched: the new issue object's furniture is checked again.
    const renamed = { ...meta, pages: meta.pages.map((p, i) => (i === 0 ? { ...p, name: `${p.name}龘` } : p)) };
    expect(desk.layOutNow(renamed, stories)).toBeNull();
    const ran = await desk.run(renamed, stories);
    const now = desk.layOutNow(renamed, new Map(stories).set(lead.id, appendToFirstParagraph(lead, '新')))!;
    expect(now).not.toBeNull();
    expect(now.display.pages[0]!.items.filter((it) => it.kind === 'glyph' && it.missing).length).toBe(ran.display.pages[0]!.items.filter((it) => it.kind === 'glyph' && it.missing).length);
  });
});
