import { useEffect, useState, type RefObject } from 'react';

/** The inner size of a scrolling page viewport (less its 16 px padding each side), kept current as it resizes. */
export function useViewSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [view, setView] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setView({ w: el.clientWidth - 32, h: el.clientHeight - 32 });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return view;
}
