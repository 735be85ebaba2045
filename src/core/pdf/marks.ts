// Printer's marks drawn outside the bleed: crop marks at the trim corners and registration targets at the
// middle of each side, in registration colour (all four inks) so every plate shows them.
import { num } from './pdf-number';

/** Crop marks start this far outside the trim (never inside the bleed) … */
const MIN_OFFSET = 6;
/** … and are this long; the sheet gets room for them plus a margin. */
const LENGTH = 18;
const TARGET_RADIUS = 5;
const LINE = 0.25;

/** How far the sheet extends beyond the trim on each side when marks are drawn. */
export function marksMargin(bleed: number): number {
  return markOffset(bleed) + LENGTH + 6;
}

function markOffset(bleed: number): number {
  return Math.max(MIN_OFFSET, bleed + 3);
}

/** Marks around a trim box whose bottom-left corner is at (x0, y0) on the sheet. */
export function marksContent(x0: number, y0: number, w: number, h: number, bleed: number, overprintOff: string): string {
  const off = markOffset(bleed);
  const x1 = x0 + w;
  const y1 = y0 + h;
  const ops: string[] = ['q', `/${overprintOff} gs`, '1 1 1 1 K', `${num(LINE)} w [] 0 d 0 J`];
  const line = (ax: number, ay: number, bx: number, by: number): void => {
    ops.push(`${num(ax)} ${num(ay)} m ${num(bx)} ${num(by)} l S`);
  };
  for (const [cx, dx] of [
    [x0, -1],
    [x1, 1],
  ] as const) {
    for (const [cy, dy] of [
      [y0, -1],
      [y1, 1],
    ] as const) {
      line(cx + dx * off, cy, cx + dx * (off + LENGTH), cy);
      line(cx, cy + dy * off, cx, cy + dy * (off + LENGTH));
    }
  }
  const mid = off + LENGTH / 2;
  const targets: [number, number][] = [
    [(x0 + x1) / 2, y1 + mid],
    [(x0 + x1) / 2, y0 - mid],
    [x0 - mid, (y0 + y1) / 2],
    [x1 + mid, (y0 + y1) / 2],
  ];
  for (const [cx, cy] of targets) ops.push(target(cx, cy));
  ops.push('Q');
  return ops.join('\n');
}

function target(cx: number, cy: number): string {
  const r = TARGET_RADIUS;
  const k = r * 0.5523;
  const p = (x: number, y: number): string => `${num(x)} ${num(y)}`;
  return [
    `${p(cx + r, cy)} m`,
    `${p(cx + r, cy + k)} ${p(cx + k, cy + r)} ${p(cx, cy + r)} c`,
    `${p(cx - k, cy + r)} ${p(cx - r, cy + k)} ${p(cx - r, cy)} c`,
    `${p(cx - r, cy - k)} ${p(cx - k, cy - r)} ${p(cx, cy - r)} c`,
    `${p(cx + k, cy - r)} ${p(cx + r, cy - k)} ${p(cx + r, cy)} c S`,
    `${p(cx - r - 3, cy)} m ${p(cx + r + 3, cy)} l S`,
    `${p(cx, cy - r - 3)} m ${p(cx, cy + r + 3)} l S`,
  ].join('\n');
}
