import { useEffect, useRef, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { yeban } from '../ipc/api';

/** Widest the page is drawn (200 % of a broadsheet is about 2950 px): previews need no more. */
const MAX_PAGE_PX = 3000;

export interface PagePictures {
  /** data: URL per asset id, for those loaded so far. */
  hrefs: ReadonlyMap<string, string>;
  /** Pictures the main process could not give, with its reason (named by asset file). */
  problems: readonly string[];
}

/**
 * Screen copies of the pictures on the pages shown, fetched once per asset for the session. Until one arrives
 * (or when its file is missing) the renderer draws the "picture missing" panel in its place.
 */
export function usePagePictures(sessionId: string, pages: readonly DisplayPage[]): PagePictures {
  const [hrefs, setHrefs] = useState<ReadonlyMap<string, string>>(new Map());
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  // Asked once each, whatever the answer: a keystroke makes a new page object but no new picture.
  const asked = useRef(new Set<string>());

  useEffect(() => {
    for (const page of pages) for (const item of page.items) {
      if (item.kind !== 'image' || !item.assetId || asked.current.has(item.assetId)) continue;
      const assetId = item.assetId;
      asked.current.add(assetId);
      const widthPx = Math.min(4000, Math.max(16, Math.ceil((item.w / page.width) * MAX_PAGE_PX)));
      void yeban()
        .invoke('asset:preview', { sessionId, assetId, widthPx })
        .then((r) => {
          if (r.ok) setHrefs((m) => new Map(m).set(assetId, r.value.dataUrl));
          else setProblems((m) => new Map(m).set(assetId, r.error.message));
        });
    }
  }, [sessionId, pages]);

  return { hrefs, problems: [...problems.values()] };
}
