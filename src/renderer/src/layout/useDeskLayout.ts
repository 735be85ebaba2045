import { useEffect, useMemo, useRef, useState } from 'react';
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

/** A layout and the order it was asked in: the desk shows the latest it has. */
interface Made {
  readonly state: DeskLayoutState;
  readonly seq: number;
}

const NONE: Made = { state: { result: null, fonts: null, error: null }, seq: 0 };

/**
 * Lays the issue out again whenever the issue or a story object changes (a keystroke makes a new story). When every
 * font the text needs is already loaded, the layout is made in the same render as the change that asked for it: a
 * keystroke redraws the page in one pass instead of rendering the desk once for the story and again for its layout.
 * Otherwise the fonts are fetched first and the layout lands a moment later.
 */
export function useDeskLayout(meta: IssueMeta, stories: ReadonlyMap<string, Story>): DeskLayoutState {
  // The issue's first layout may have started as the issue arrived (layout-ahead.ts).
  const desk = useMemo(() => deskLayoutFor(meta), []);
  const asked = useRef(0);
  // Measures for `npm run bench` and the DevTools timeline (compose + layout, fonts included). From a time, not a
  // named mark: several desks lay out at once (the page beside the editor, the layout desk, an issue being
  // replaced) and one would clear the mark another still needs.
  const now = useMemo((): Made | null => {
    const seq = ++asked.current;
    const start = performance.now();
    try {
      const result = desk.layOutNow(meta, stories);
      if (!result) return null;
      measureKept('yeban:layout', start, performance.now());
      return { state: { result, fonts: desk.registry, error: null }, seq };
    } catch {
      return null; // the layout below fails the same way and shows why
    }
  }, [desk, meta, stories]);
  const runner = useMemo(() => {
    return new LatestOnly(async ({ meta, stories }: { meta: IssueMeta; stories: ReadonlyMap<string, Story> }) => {
      const start = performance.now();
      const result = await desk.run(meta, stories);
      measureKept('yeban:layout', start, performance.now());
      return { result, fonts: desk.registry };
    });
  }, [desk]);
  const [later, setLater] = useState<Made>(NONE);
  // The latest layout made in a render, kept for the renders that must wait for fonts: the page stays as it was
  // last drawn, not as the last fetched layout drew it.
  const lastNow = useRef<Made>(NONE);
  if (now) lastNow.current = now;

  useEffect(() => {
    if (now) return;
    let live = true;
    const seq = ++asked.current;
    runner.request({ meta, stories }).then(
      (r) => {
        if (live && r) setLater({ state: { result: r.result, fonts: r.fonts, error: null }, seq });
      },
      (e: unknown) => {
        if (live) setLater((s) => ({ state: { ...s.state, error: e instanceof Error ? e.message : String(e) }, seq }));
      },
    );
    return () => {
      live = false;
    };
  }, [runner, meta, stories, now]);

  if (now) return now.state;
  return later.seq >= lastNow.current.seq ? later.state : lastNow.current.state;
}
