import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DisplayItem, type DisplayPage, type GlyphItem } from '../../src/core/display/types';
import { inkBox, pageGroups } from '../../src/renderer/src/layout/page-groups';
import { parseFace, type Face } from '../../src/core/fonts/face';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { layOut, openSample } from './sample-layout';

const K = { c: 0, m: 0, y: 0, k: 1 };
const glyph = (storyId: string, x: number, gid = 1): GlyphItem => ({
  kind: 'glyph', face: 'f', gid, x, y: 100, size: 10, scaleX: 1, advance: 10, color: K, text: '字',
  src: { storyId, field: 'body', offset: x, length: 1 },
});
const rule: DisplayItem = { kind: 'rule', x1: 0, y1: 50, x2: 500, y2: 50, width: 0.5, style: 'solid', color: K };
const page = (items: DisplayItem[]): DisplayPage => ({ pageId: 'p', number: '07', width: 1000, height: 1400, faces: {}, items, frames: [] });

const at = (storyId: string, x: number, y: number, gid = 1): GlyphItem => ({ ...glyph(storyId, x, gid), y });
/** Lines of `n` glyphs of story `s`, one under another from `top`, 13 pt apart, in the column at `x`; `gids` picks each line's text. */
const column = (s: string, x: number, top: number, gids: number[]): GlyphItem[] => gids.flatMap((g, i) => [0, 1, 2].map((k) => at(s, x + k * 10, top + i * 13, g * 10 + k)));

describe('page runs for redrawing only what changed', () => {
  const before = pageGroups(page([glyph('', 0), rule, glyph('a', 10), glyph('a', 20), glyph('b', 10), glyph('a', 30)]));

  it('cuts the drawing order into runs by story, furniture apart, rules in the run they are drawn in', () => {
    expect(before.map((g) => [g.owner, g.items.length])).toEqual([['', 2], ['a', 2], ['b', 1], ['a', 1]]);
    // A run with a rule stays in page coordinates; a run of glyphs is drawn from its first glyph.
    expect(before.map((g) => [g.originX, g.originY])).toEqual([[0, 0], [10, 100], [10, 100], [30, 100]]);
  });
  it("changes only the edited story's digest; the other runs keep key and digest", () => {
    const after = pageGroups(page([glyph('', 0), rule, glyph('a', 10), glyph('a', 20, 7), glyph('b', 10), glyph('a', 30)]));
    expect(after.map((g, i) => g.key === before[i]!.key)).toEqual([true, false, true, true]);
    expect(after.map((g, i) => g.hash === before[i]!.hash)).toEqual([true, false, true, true]);
  });
  it('sees a move within the run of 1/1000 pt, a colour, a size, a turn', () => {
    const two = (v: GlyphItem) => pageGroups(page([glyph('b', 0), v]))[0]!.hash;
    const plain = two(glyph('b', 10));
    const variants: GlyphItem[] = [{ ...glyph('b', 10), x: 10.001 }, { ...glyph('b', 10), color: { ...K, m: 1 } }, { ...glyph('b', 10), size: 10.5 }, { ...glyph('b', 10), rotate: 90 }];
    for (const v of variants) expect(two(v)).not.toBe(plain);
    // Not where the text came from: the same drawing is the same digest.
    expect(two({ ...glyph('b', 10), src: { storyId: 'b', field: 'body', offset: 99, length: 1 } })).toBe(plain);
  });
  it('keeps the key of a run that only moved, so its drawing is reused and only its origin changes', () => {
    const gids = Array.from({ length: 40 }, (_, i) => 3 + i * 7);
    const was = pageGroups(page(column('a', 100, 100, gids)));
    // A line added at the top pushes every later line down one line.
    const now = pageGroups(page(column('a', 100, 100, [2, ...gids])));
    const moved = now.filter((g) => was.some((w) => w.key === g.key));
    expect(was.length).toBeGreaterThan(4);
    // Every run after the first boundary is the same drawing, one line lower.
    expect(moved.length).toBeGreaterThanOrEqual(was.length - 1);
    for (const g of moved) {
      const w = was.find((x) => x.key === g.key)!;
      expect([g.originX, g.originY - w.originY]).toEqual([w.originX, 13]);
    }
  });
  it('starts a run where the text goes on in another column', () => {
    const runs = pageGroups(page([...column('a', 100, 100, [1, 2]), ...column('a', 300, 100, [3])]));
    expect(runs.some((g) => g.items.some((it) => it.kind === 'glyph' && it.x < 200) && g.items.some((it) => it.kind === 'glyph' && it.x >= 300))).toBe(false);
  });
  it('gives two identical runs different keys', () => {
    const runs = pageGroups(page([at('a', 0, 100), at('b', 0, 200), at('a', 0, 300)]));
    expect(runs[0]!.hash).toBe(runs[2]!.hash);
    expect(new Set(runs.map((g) => g.key)).size).toBe(3);
  });
});

describe('page runs of stories a keystroke did not touch', () => {
  const items = (): DisplayItem[] => [glyph('', 0), rule, ...column('a', 100, 100, [1, 2, 3, 4, 5, 6]), ...column('b', 300, 100, [7, 8, 9])];

  it('are taken as they were when their item objects are the same, and match runs cut afresh', () => {
    const shared = items();
    const first = pageGroups(page(shared));
    const edited = [...shared.slice(0, 2), ...column('a', 100, 100, [1, 2, 9, 4, 5, 6]), ...shared.slice(20)];
    const again = pageGroups(page(edited));
    const fresh = pageGroups(page(structuredClone(edited)));
    expect(again.map((g) => [g.key, g.hash, g.items.length])).toEqual(fresh.map((g) => [g.key, g.hash, g.items.length]));
    // Story b's objects are the same: its runs are the ones cut before (their item lists are the same arrays).
    const bRuns = (gs: typeof first) => gs.filter((g) => g.owner === 'b').map((g) => g.items);
    expect(bRuns(again).every((list, i) => list === bRuns(first)[i])).toBe(true);
    expect(bRuns(fresh).some((list, i) => list === bRuns(first)[i])).toBe(false);
  });

  it('are cut again when a stretch starting with the same item has grown or changed', () => {
    const shared = items();
    pageGroups(page(shared));
    const longer = [...shared, at('b', 300, 139, 99)];
    const fresh = pageGroups(page(structuredClone(longer)));
    expect(pageGroups(page(longer)).map((g) => [g.key, g.items.length])).toEqual(fresh.map((g) => [g.key, g.items.length]));
    // Same first item and length, one glyph of the stretch replaced.
    const swapped = [...shared.slice(0, 21), at('b', 310, 100, 999), ...shared.slice(22)];
    const hashes = pageGroups(page(swapped)).map((g) => g.hash);
    expect(hashes).toEqual(pageGroups(page(structuredClone(swapped))).map((g) => g.hash));
    expect(hashes).not.toEqual(pageGroups(page(shared)).map((g) => g.hash));
  });
});

describe('page runs taken whole from an earlier cut', () => {
  const keyed = (gs: ReturnType<typeof pageGroups>) => gs.map((g) => [g.key, g.owner, g.hash, g.items.length, g.originX, g.originY]);
  const items = (): DisplayItem[] => [glyph('', 0), rule, ...column('a', 100, 100, [1, 2, 3]), ...column('b', 300, 100, [4, 5]), ...column('c', 500, 100, [6, 7])];

  it('are cut again when a rule now follows the stretch (a rule belongs to the stretch it is drawn in)', () => {
    const shared = items();
    pageGroups(page(shared));
    const ruled = [...shared.slice(0, 11), { ...rule, y1: 140, y2: 140 }, ...shared.slice(11)];
    expect(keyed(pageGroups(page(ruled)))).toEqual(keyed(pageGroups(page(structuredClone(ruled)))));
  });

  it('give the same runs as a fresh cut, whatever was cut before and however the page changed since', () => {
    // Pages made of the same item objects, edited (items dropped, new ones put in, rules put in), cut one after
    // another with and without a story being written: every cut equals a cut of fresh copies.
    const pool = items();
    const edit = fc.oneof(
      fc.record({ drop: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ put: fc.nat(), owner: fc.constantFrom('', 'a', 'b', 'c', 'd'), gid: fc.integer({ min: 1, max: 9 }), ruled: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(null, 'a', 'b'), (rounds, writing) => {
        let current = [...pool];
        for (const edits of rounds) {
          for (const e of edits) {
            if ('drop' in e) current.splice(e.drop % Math.max(1, current.length), e.n);
            else {
              const made: DisplayItem = e.ruled ? { ...rule, y1: 100 + e.gid, y2: 100 + e.gid } : at(e.owner, 100 + e.gid * 10, 100 + e.gid * 13, e.gid);
              current.splice(e.put % (current.length + 1), 0, made);
            }
          }
          if (current.length === 0) current = [...pool];
          expect(keyed(pageGroups(page(current), writing))).toEqual(keyed(pageGroups(page(structuredClone(current)), writing)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('page runs beside a story being written', () => {
  const gids = Array.from({ length: 12 }, (_, i) => 5 + i * 11);
  // Story a over two columns (8 lines, then 4), story b in a third, furniture above.
  const items = (a: number[]): DisplayItem[] => [glyph('', 0), rule, ...column('a', 100, 100, a.slice(0, 8)), ...column('a', 300, 100, a.slice(8)), ...column('b', 500, 100, gids)];

  it("cuts the written story's lines one run each and every other story a run per column", () => {
    const runs = pageGroups(page(items(gids)), 'a');
    expect(runs.filter((g) => g.owner === 'a').map((g) => g.items.length)).toEqual(Array(12).fill(3));
    expect(runs.filter((g) => g.owner === 'b').map((g) => g.items.length)).toEqual([36]);
    expect(runs.filter((g) => g.owner === '').length).toBe(1);
    // Without a story being written, a column of twelve lines is cut into chunks of a few lines.
    expect(pageGroups(page(items(gids))).filter((g) => g.owner === 'b').length).toBeGreaterThan(1);
  });

  it('after a line is added, keeps the key of every line that only moved, across the column break too', () => {
    const was = pageGroups(page(items(gids)), 'a');
    const now = pageGroups(page(items([gids[0]!, 2, ...gids.slice(1, 11)])), 'a');
    const a = (gs: typeof was) => gs.filter((g) => g.owner === 'a');
    // One line is new; the lines after it moved down, the one at the foot of column 1 over to the head of column 2.
    const kept = a(now).filter((g) => a(was).some((w) => w.key === g.key));
    expect(kept.length).toBe(11);
    const foot = a(was)[7]!;
    const moved = a(now).find((g) => g.key === foot.key)!;
    expect([moved.originX - foot.originX, moved.originY - foot.originY]).toEqual([200, -91]);
    // Story b and the furniture are the runs they were.
    expect(now.filter((g) => g.owner !== 'a').map((g) => g.key)).toEqual(was.filter((g) => g.owner !== 'a').map((g) => g.key));
  });

  it('cuts a stretch again when the story being written changes', () => {
    const shared = items(gids);
    const writingA = pageGroups(page(shared), 'a');
    const writingB = pageGroups(page(shared), 'b');
    expect(writingB.filter((g) => g.owner === 'a').length).toBe(2);
    expect(writingB.filter((g) => g.owner === 'b').length).toBe(12);
    expect(pageGroups(page(shared), 'a').map((g) => g.key)).toEqual(writingA.map((g) => g.key));
  });
});

describe("a run's ink box (the size of its SVG on screen)", () => {
  it('holds every point of every outline, rule, box and picture of the sample pages, glyphs turned or not, however the page is cut', async () => {
    const { meta, stories } = await openSample();
    const { display } = await layOut(meta, stories);
    const faces = new Map<string, Face>();
    const faceOf = async (page: DisplayPage, key: string): Promise<Face> => {
      let f = faces.get(key);
      if (!f) {
        const info = page.faces[key]!;
        f = parseFace(info.file, info.family, info.weight, await nodeFontLoader.load(info.file));
        faces.set(key, f);
      }
      return f;
    };
    let points = 0;
    for (const laid of display.pages) {
      const turned: DisplayPage = { ...laid, items: laid.items.map((it) => (it.kind === 'glyph' ? { ...it, rotate: 90 as const } : it)) };
      const writing = laid.frames.find((f) => f.storyId !== null)?.storyId ?? null;
      for (const p of [laid, turned])
        for (const run of [...pageGroups(p), ...pageGroups(p, writing)]) {
          const { originX: ox, originY: oy } = run;
          const box = inkBox(run);
          const inside = (x: number, y: number, what: string) => {
            points++;
            if (x - ox < box.x || x - ox > box.x + box.w || y - oy < box.y || y - oy > box.y + box.h) expect.fail(`${what} at (${x}, ${y}) is outside the run's box ${JSON.stringify(box)} from (${ox}, ${oy})`);
          };
          for (const it of run.items) {
            if (it.kind === 'glyph') {
              const face = await faceOf(p, it.face);
              const o = face.glyphOutline(it.gid);
              if (!o) continue;
              const s = it.size / face.unitsPerEm;
              const [h, v] = [s * it.scaleX, s * (it.scaleY ?? 1)];
              for (let i = 0; i < o.args.length; i += 2) {
                const [u, w] = [o.args[i]!, o.args[i + 1]!];
                if (it.rotate === 90) inside(it.x + v * w, it.y + h * u, `turned ${it.text}`);
                else inside(it.x + h * u, it.y - v * w, it.text);
              }
            } else if (it.kind === 'rule') {
              inside(it.x1, it.y1, 'rule');
              inside(it.x2, it.y2, 'rule');
            } else {
              inside(it.x, it.y, it.kind);
              inside(it.x + it.w, it.y + it.h, it.kind);
            }
          }
        }
    }
    expect(points).toBeGreaterThan(100_000);
  }, 60_000);

  it('is the same for a run that only moved, and a line of the story being written is a line high, not a page', () => {
    const gids = Array.from({ length: 12 }, (_, i) => 3 + i * 7);
    const was = pageGroups(page(column('a', 100, 100, gids)), 'a');
    const now = pageGroups(page(column('a', 100, 100, [2, ...gids])), 'a');
    for (const g of now) {
      const w = was.find((x) => x.key === g.key);
      if (w) expect(inkBox(g)).toEqual(inkBox(w));
      expect(inkBox(g).h).toBeLessThan(40);
      expect(inkBox(g).w).toBeLessThan(60);
    }
  });
});
