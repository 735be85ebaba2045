// Open an issue folder read-only and lay it out with the bundled (and house) fonts: the one way the CLI
// and the main process's export build the display list from what is on disk.
import { FontRegistry } from '../../core/fonts';
import { ComposeTypesetter } from '../../core/layout/compose-typesetter';
import { LayoutEngine, type LayoutResult } from '../../core/layout';
import type { IssueMeta, Story } from '../../core/model';
import { nodeFontLoader } from '../fonts/node-font-loader';
import { openIssue } from '../store';

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
