// sharp on first need: loading libvips costs ≈ 80 ms, and most exports (CMYK photos whose ink is already
// known) never need it. A dynamic import also stays lazy in the CLI bundle, where sharp is external.
import type sharpFn from 'sharp';

export type Sharp = typeof sharpFn;

let sharpModule: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}
