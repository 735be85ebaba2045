// Responsiveness marks, read by `npm run bench` (bench/desk.bench.ts) and visible in the DevTools timeline:
//  - `yeban:keystroke` measures: from a keystroke's `beforeinput` to the second animation frame after the page view
//    drew the layout it caused, i.e. until the frame showing the new page has been produced;
//  - `yeban:keystroke:commit` measures: the same start to the page view's commit (the work, without the frames);
//  - one `yeban:page:first` mark: the second animation frame after the first page was drawn (launch → first page).

const MEASURE = 'yeban:keystroke';
/** Entries kept per measure: a long session would otherwise keep every keystroke's. */
const KEPT = 500;
const counts = new Map<string, number>();

/** performance.measure, keeping at most KEPT entries of the name (counted here: listing them costs a keystroke time). */
export function measureKept(name: string, start: number, end: number): void {
  const n = (counts.get(name) ?? 0) + 1;
  if (n > KEPT) performance.clearMeasures(name);
  counts.set(name, n > KEPT ? 1 : n);
  performance.measure(name, { start, end });
}
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
  measureKept(`${MEASURE}:commit`, start, performance.now());
  requestAnimationFrame(() => requestAnimationFrame(() => measureKept(MEASURE, start, performance.now())));
}
