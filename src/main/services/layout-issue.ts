// Open an issue folder read-only and lay it out with the bundled (and house) fonts: the one way the CLI
// and the main process's export build the display list from what is on disk.
import path from 'node:path';
import { FontRegistry } from '../../core/fonts';
import { ComposeTypesetter } from '../../core/layout/compose-typesetter';
import { LayoutEngine, type LayoutResult } from '../../core/layout';
import type { IssueMeta, Story } from '../../core/model';
import { nodeFontLoader } from '../fonts/node-font-loader';
import { openIssue } from '../store';
import type { ExportInput } from './export-pdf';

export interface LaidOutIssue {
  readonly dir: string;
  readonly meta: IssueMeta;
  readonly stories: ReadonlyMap<string, Story>;
  readonly fonts: FontRegistry;
  readonly result: LayoutResult;
}

/** Throws the store's StoreError when the folder cannot be opened. */
export async function layOutIssueFolder(dir: string): Promise<LaidOutIssue> {
  const opened = await openIssue(dir, { readOnly: true });
  const meta = opened.meta;
  const stories = new Map(Object.entries(opened.stories));
  const fonts = new FontRegistry(nodeFontLoader, meta.house.fonts);
  const ts = new ComposeTypesetter(fonts, meta.styles, meta.house);
  await ts.prepare(meta, stories);
  const result = new LayoutEngine(ts).layout(meta, stories);
  return { dir: opened.dir, meta, stories, fonts, result };
}

/**
 * What layout knows that the export's preflight needs, in the form it takes: overset stories and picture
 * frames without their photo (each with the pages its frames are on), and the photos' original names.
 */
export function exportFacts(laid: Pick<LaidOutIssue, 'dir' | 'meta' | 'result'>): Pick<ExportInput, 'display' | 'assetsDir' | 'issueDate' | 'output' | 'overset' | 'photosMissing' | 'assetNames'> {
  const { meta, result } = laid;
  const pageIds = new Map<string, string[]>();
  for (const p of meta.pages) for (const f of p.frames) if ('storyId' in f && f.storyId) pageIds.set(f.storyId, [...(pageIds.get(f.storyId) ?? []), p.id]);
  return {
    display: result.display,
    assetsDir: path.join(laid.dir, 'assets'),
    issueDate: meta.date,
    output: meta.house.output,
    overset: result.report.stories.map((s) => ({ ...s, pageIds: pageIds.get(s.storyId) ?? [] })),
    photosMissing: result.report.stories.flatMap((s) => s.photosMissing.map((m) => ({ ...m, storyId: s.storyId, slug: s.slug }))),
    assetNames: new Map(meta.assets.map((a) => [a.id, a.originalName])),
  };
}
