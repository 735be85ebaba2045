import { FontRegistry } from '../../../core/fonts';
import { autoLayoutPage, preparationIssue, withLeadStyle, type SectionInfo } from '../../../core/layout/auto';
import { ComposeTypesetter } from '../../../core/layout/compose-typesetter';
import { type IssueMeta, type Page, type Story } from '../../../core/model';
import { IpcFontLoader } from '../layout/ipc-font-loader';

// 导入并自动排版: the stories just imported composed onto an empty page as a first draft, with the same
// planner `yeban import --auto-layout` uses (src/core/layout/auto), then saved like any frame edit.

/** Pages with nothing on them but a running head: the only pages auto-layout may fill. */
export function emptyPages(meta: IssueMeta): { index: number; page: Page }[] {
  return meta.pages.flatMap((page, index) => (page.frames.every((f) => f.kind === 'runningHead') ? [{ index, page }] : []));
}

export interface AutoPlaced {
  readonly meta: IssueMeta;
  /** Stories the page could not take (left in the budget for another page). */
  readonly unplaced: readonly string[];
}

/**
 * Lays `stories` (already in the issue) onto page `pageIndex` of `meta`; `all` is every story of the issue.
 * `fonts`: the desk's registry for this issue's house fonts (its fonts already fetched and parsed); a new
 * one when the desk has none yet.
 */
export async function autoPlace(
  meta: IssueMeta, pageIndex: number, stories: readonly Story[], sections: readonly SectionInfo[], all: ReadonlyMap<string, Story>,
  fonts: FontRegistry = new FontRegistry(new IpcFontLoader(), meta.house.fonts),
): Promise<AutoPlaced> {
  if (!emptyPages(meta).some((p) => p.index === pageIndex)) throw new Error(`第 ${meta.pages[pageIndex]?.number ?? pageIndex + 1} 版已有稿件，自动排版只用于空白版面`);
  // The lead's headline style joins the issue's styles if the issue lacks it (saved with the page).
  const withLead = withLeadStyle(meta);
  const ts = new ComposeTypesetter(fonts, withLead.styles, withLead.house);
  await ts.prepare(preparationIssue(withLead, stories, sections), all);
  const laid = autoLayoutPage(withLead, pageIndex, stories, sections, ts);
  return { meta: laid.meta, unplaced: laid.unplaced };
}
