import path from 'node:path';
import { FontRegistry } from '../../src/core/fonts';
import { LayoutEngine, type LayoutResult } from '../../src/core/layout';
import { ComposeTypesetter } from '../../src/core/layout/compose-typesetter';
import { type IssueMeta, type Story } from '../../src/core/model';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { openIssue } from '../../src/main/store';

// The bundled sample issue, laid out in Node the way the desk lays it out in the renderer.

export const SAMPLE_DIR = path.resolve(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban');

export async function openSample(): Promise<{ meta: IssueMeta; stories: Map<string, Story> }> {
  const o = await openIssue(SAMPLE_DIR, { readOnly: true });
  return { meta: o.meta, stories: new Map(Object.entries(o.stories)) };
}

export async function layOut(meta: IssueMeta, stories: ReadonlyMap<string, Story>): Promise<LayoutResult> {
  const fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  const ts = new ComposeTypesetter(fonts, meta.styles, meta.house);
  await ts.prepare(meta, stories);
  return new LayoutEngine(ts).layout(meta, stories);
}

/** The story with `extra` appended to the last text run of its first paragraph. */
export function appendToFirstParagraph(story: Story, extra: string): Story {
  const body = structuredClone(story.body);
  const p = body.root.children[0]!;
  const texts = p.children.filter((c) => c.type === 'text') as { text: string }[];
  texts.at(-1)!.text += extra;
  return { ...story, body };
}
