import { type IssueMeta, type Story } from '../../../core/model';
import { DeskLayout } from './desk-layout';
import { IpcFontLoader } from './ipc-font-loader';

// An issue's layout starts the moment the issue arrives, before its desk is drawn: the fonts its stories need are
// fetched and parsed while React draws the writing desk, and the desk takes this layout, fonts and all.

const ahead = new WeakMap<IssueMeta, DeskLayout>();

/** Starts loading the fonts of an issue just opened (once per issue object). */
export function layOutAhead(meta: IssueMeta, stories: readonly Story[]): void {
  if (ahead.has(meta)) return;
  const desk = new DeskLayout(new IpcFontLoader());
  ahead.set(meta, desk);
  // A font that cannot be loaded is asked for again by the desk's own layout, which shows why it failed.
  desk.prepare(meta, new Map(stories.map((s) => [s.id, s]))).catch(() => {});
}

/** The layout started for this issue, taken once; else a new one. */
export function deskLayoutFor(meta: IssueMeta): DeskLayout {
  const desk = ahead.get(meta);
  ahead.delete(meta);
  return desk ?? new DeskLayout(new IpcFontLoader());
}
