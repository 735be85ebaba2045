import { useEffect, useMemo, useState } from 'react';
import { type FontRegistry } from '../../../core/fonts';
import { type LayoutResult } from '../../../core/layout';
import { type IssueMeta, type Story } from '../../../core/model';
import { LatestOnly } from './desk-layout';
import { measureKept } from './desk-timing';
import { deskLayoutFor } from './layout-ahead';

export interface DeskLayoutState {
  result: LayoutResult | null;
  /** The registry that drew `result` (its glyph outlines draw the page). */
  fonts: FontRegistry | null;
  error: string | null;
}

/** Lays the issue out again whenever the issue or a story object changes (a keystroke makes a new story). */
export function useDeskLayout(meta: IssueMeta, stories: ReadonlyMap<string, Story>): DeskLayoutState {
  // The issue's first layout may have started as the issue arrived (layout-ahead.ts).
  const desk = useMemo(() => deskLayoutFor(meta), []);
  const runner = useMemo(() => {
    return new LatestOnly(async ({ meta, stories }: { meta: IssueMeta; stories: ReadonlyMap<string, Story> }) => {
      // Measures for `npm run bench` and the DevTools timeline (compose + layout, fonts included). From a
      // time, not a named mark: several desks lay out at once (the page beside the editor, the layout desk,
      // an issue being replaced) and one would clear the mark another still needs.
      const start = performance.now();
      const result = await desk.run(meta, stories);
      measureKept('yeban:layout', start, performance.now());
      return { result, fonts: desk.registry };
    });
  }, [desk]);
  const [state, setState] = useState<DeskLayoutState>({ result: null, fonts: null, error: null });

  useEffect(() => {
    let live = true;
    runner.request({ meta, stories }).then(
      (r) => {
        if (live && r) setState({ result: r.result, fonts: r.fonts, error: null });
      },
      (e: unknown) => {
        if (live) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [runner, meta, stories]);

  return state;
}
