// Relayout with the real composer and its caches (composed paragraphs reused, shifted when text before them
// grew; threads of untouched stories reused): a relayout after an edit must draw exactly what a cold layout
// of the edited issue draws — same glyphs, same places, same source offsets.
import { beforeAll, describe, expect, it } from 'vitest';
import { digestPage } from '../../src/core/display/digest';
import { FontRegistry } from '../../src/core/fonts';
import { LayoutEngine, type LayoutResult } from '../../src/core/layout';
import { ComposeTypesetter } from '../../src/core/layout/compose-typesetter';
import { bodyOf, type IssueMeta, type Story } from '../../src/core/model';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { readSampleIssue } from './sample-issue';

const LEAD = 'zhaoshang-yinqiang';
let meta: IssueMeta;
let stories: Map<string, Story>;

beforeAll(async () => {
  ({ meta, stories } = await readSampleIssue());
});

/** The story with the first text run of paragraph `at` changed by `edit`. */
function edited(story: Story, at: number, edit: (t: string) => string): Story {
  const blocks = story.body.root.children.map((b, i) => {
    if (i !== at) return b;
    const first = b.children.findIndex((c) => c.type === 'text');
    const children = b.children.map((c, j) => (j === first && c.type === 'text' ? { ...c, text: edit(c.text) } : c));
    return { ...b, children };
  });
  return { ...story, body: bodyOf(blocks as typeof story.body.root.children) };
}

async function cold(m: IssueMeta, s: Map<string, Story>): Promise<LayoutResult> {
  const ts = new ComposeTypesetter(new FontRegistry(nodeFontLoader, m.house.fonts), m.styles, m.house);
  await ts.prepare(m, s);
  return new LayoutEngine(ts).layout(m, s);
}

/** Page fingerprints (glyphs, places) plus every glyph's source reference, which the fingerprint leaves out. */
const digests = (r: LayoutResult): string[] => r.display.pages.flatMap((p) => [
  digestPage(p).hash,
  p.items.map((i) => (i.kind === 'glyph' && i.src ? `${i.src.storyId}:${i.src.field}:${i.src.offset}:${i.src.length}` : '-')).join(','),
]);

describe('relayout after an edit equals a cold layout', () => {
  it('after a same-length edit, a longer edit earlier in the story, and a moved frame', async () => {
    const ts = new ComposeTypesetter(new FontRegistry(nodeFontLoader, meta.house.fonts), meta.styles, meta.house);
    await ts.prepare(meta, stories);
    const engine = new LayoutEngine(ts);
    const first = engine.layout(meta, stories);
    const lead = stories.get(LEAD)!;

    // 1. One character replaced: paragraphs before and after keep their offsets and places.
    const s1 = new Map(stories).set(LEAD, edited(lead, 1, (t) => '新' + t.slice(1)));
    await ts.prepare(meta, s1);
    const warm1 = engine.layout(meta, s1);
    expect(digests(warm1)).toEqual(digests(await cold(meta, s1)));
    expect(digests(warm1)).not.toEqual(digests(first));

    // 2. Text added in the first paragraph: every later paragraph's source offsets shift.
    const s2 = new Map(stories).set(LEAD, edited(lead, 0, (t) => '（加）' + t));
    await ts.prepare(meta, s2);
    const warm2 = engine.layout(meta, s2);
    expect(digests(warm2)).toEqual(digests(await cold(meta, s2)));
    // The lead's last paragraph sits 3 code units further on: its glyphs say so.
    const last = warm2.display.pages[0]!.items.filter((i) => i.kind === 'glyph' && i.src?.storyId === LEAD && i.src.field === 'body').at(-1)!;
    const before = first.display.pages[0]!.items.filter((i) => i.kind === 'glyph' && i.src?.storyId === LEAD && i.src.field === 'body').at(-1)!;
    expect(last.kind === 'glyph' && before.kind === 'glyph' && last.src!.offset - before.src!.offset).toBe(3);

    // 3. The lead's text frame moved down a line: its lines are reused at their new places.
    const moved: IssueMeta = {
      ...meta,
      pages: meta.pages.map((p) => ({ ...p, frames: p.frames.map((f) => (f.kind === 'text' && f.storyId === LEAD ? { ...f, line: f.line + 1, lines: f.lines - 1 } : f)) })),
    };
    const warm3 = engine.layout(moved, s2);
    expect(digests(warm3)).toEqual(digests(await cold(moved, s2)));

    // And back to the original: the first layout again, exactly.
    await ts.prepare(meta, stories);
    expect(digests(engine.layout(meta, stories))).toEqual(digests(first));
  });

  it('keeps every page the edit does not reach as the same object, with the report a cold layout gives', async () => {
    // The sample's page, and a second page of its furniture, rules and boxes only (no story reaches it).
    const page = meta.pages[0]!;
    const m: IssueMeta = { ...meta, pages: [page, { ...page, id: `${page.id}-2`, number: '08', frames: page.frames.filter((f) => !('storyId' in f && f.storyId)) }] };
    const ts = new ComposeTypesetter(new FontRegistry(nodeFontLoader, m.house.fonts), m.styles, m.house);
    await ts.prepare(m, stories);
    const engine = new LayoutEngine(ts);
    const first = engine.layout(m, stories);
    expect(first.display.pages[1]!.items.length).toBeGreaterThan(0);
    const s1 = new Map(stories).set(LEAD, edited(stories.get(LEAD)!, 1, (t) => t + '又添了几个字'));
    await ts.prepare(m, s1);
    const warm = engine.layout(m, s1);
    expect(warm.display.pages[0]).not.toBe(first.display.pages[0]);
    expect(warm.display.pages[1]).toBe(first.display.pages[1]);
    expect(warm.report.pages[1]).toBe(first.report.pages[1]);
    const again = await cold(m, s1);
    expect(digests(warm)).toEqual(digests(again));
    expect(warm.report).toEqual(again.report);
    expect(warm.display.pages.map((p) => p.faces)).toEqual(again.display.pages.map((p) => p.faces));
    // A new issue object (a page renamed) puts every page together again.
    const renamed: IssueMeta = { ...m, pages: m.pages.map((p, i) => (i === 1 ? { ...p, name: '新版名' } : p)) };
    await ts.prepare(renamed, s1);
    const after = engine.layout(renamed, s1);
    after.display.pages.forEach((p, i) => expect(p).not.toBe(warm.display.pages[i]));
    expect(after.report.pages[1]!.name).toBe('新版名');
  });
});
