// Responsiveness marks, read by `npm run bench` (bench/desk.bench.ts) and visible in the DevTools timeline:
//  - `yeban:keystroke` measures: from a keystroke's `beforeinput` to the second animation frame after the page view
//    drew the layout it caused, i.e. until the frame showing the new page has been produced;
//  - `yeban:keystroke:commit` measures: the same start to the page view's commit (the work, without the frames);
//  - one `yeban:page:first` mark: the second animation frame after the first page was drawn (launch → first page).

const MEASURE = 'yeban:keystroke';
let pending: number | null = null;
let watching = false;
let firstPainted = false;

/** Starts noting keystrokes (once per document; the page view calls it when it mounts). */
export function watchKeystrokes(): void {
  if (watching) return;
  watching = true;
  document.addEventListener(
    'beforeinput',
    (e) => {
      // Keystrokes that come faster than the page redraws are measured from the oldest one.
      pending ??= e.timeStamp;
    },
    { capture: true },
  );
}

/** The page view committed a redraw: closes the pending keystroke's measure two frames later. */
export function pageCommitted(): void {
  if (!firstPainted) {
    firstPainted = true;
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('yeban:page:first')));
  }
  if (pending === null) return;
  const start = pending;
  pending = null;
  performance.measure(`${MEASURE}:commit`, { start, end: performance.now() });
  if (performance.getEntriesByName(`${MEASURE}:commit`).length > 500) performance.clearMeasures(`${MEASURE}:commit`);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.measure(MEASURE, { start, end: performance.now() });
      // A long session would otherwise keep every keystroke's entry.
      if (performance.getEntriesByName(MEASURE).length > 500) performance.clearMeasures(MEASURE);
    }),
  );
}
