import { RUNS, SLICE_TABLES, type PackedSliceTable } from './generated/slice-index';

// Reader for the build-time code point → fontsource slice table (scripts/build-font-index.mjs).
// Unpacked lazily per family and weight into a Map: lookups sit on the ensure() path, not in line breaking.

export interface SliceTable {
  readonly pkg: string;
  readonly family: string;
  readonly weight: number;
  /** The slice name ('117', 'latin', …) that draws each code point. */
  readonly owner: ReadonlyMap<number, string>;
}

const unpacked = new Map<string, SliceTable>();

function unpack(t: PackedSliceTable): SliceTable {
  const owner = new Map<number, string>();
  const runs = RUNS[t.runs];
  if (runs === undefined) throw new Error(`font index: ${t.pkg} ${t.weight} points at a missing run table`);
  let cp = 0;
  for (const run of runs.split(',')) {
    const [gap, len, slice] = run.split('.').map((s) => parseInt(s, 36)) as [number, number, number];
    const name = t.slices[slice];
    if (name === undefined) throw new Error(`font index: ${t.pkg} ${t.weight} names slice ${slice} it does not have`);
    cp += gap;
    for (let i = 0; i < len; i++) owner.set(cp + i, name);
    cp += len;
  }
  return { pkg: t.pkg, family: t.family, weight: t.weight, owner };
}

/** The sliced fontsource weights bundled with Yeban. */
export function slicedWeights(pkg: string): number[] {
  return SLICE_TABLES.filter((t) => t.pkg === pkg).map((t) => t.weight);
}

export function sliceTable(pkg: string, weight: number): SliceTable {
  const key = `${pkg}/${weight}`;
  let table = unpacked.get(key);
  if (!table) {
    const packed = SLICE_TABLES.find((t) => t.pkg === pkg && t.weight === weight);
    if (!packed) throw new Error(`font index: no slice table for ${pkg} weight ${weight}; run scripts/build-font-index.mjs`);
    table = unpack(packed);
    unpacked.set(key, table);
  }
  return table;
}
