import { useEffect } from 'react';

/** How often the highlight is checked: the page view replaces its SVG on every relayout. */
const CHECK_MS = 200;

/**
 * Lights up one frame of the page on screen: the page view's SVG marks each frame guide with
 * `data-frame`, so the highlight is a class on that element, put back whenever the page is redrawn
 * (the view mounts late when the desk switches tabs, and relayouts replace its SVG).
 */
export function useFrameHighlight(frameId: string | null): void {
  useEffect(() => {
    if (!frameId) return;
    const sel = `[data-testid="page-sheet"] [data-frame="${CSS.escape(frameId)}"]`;
    let scrolled = false;
    const apply = () => {
      const el = document.querySelector(sel);
      if (!el || el.classList.contains('frame-highlight')) return;
      el.classList.add('frame-highlight');
      if (!scrolled) el.scrollIntoView({ block: 'center', inline: 'center' });
      scrolled = true;
    };
    apply();
    const timer = setInterval(apply, CHECK_MS);
    return () => {
      clearInterval(timer);
      document.querySelector(sel)?.classList.remove('frame-highlight');
    };
  }, [frameId]);
}
