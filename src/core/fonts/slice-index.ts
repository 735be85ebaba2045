import { RUNS, SLICE_TABLES, type PackedSliceTable } from './generated/slice-index';

// Reader for the build-time code point → fontsource slice table (scripts/build-font-index.mjs): the slices Noto
// ships, and the slices a loader cuts from a family fontsource ships whole (LXGW WenKai).
// Unpacked lazily per family and weight into a Map: lookups sit on the ensure() path, not in line breaking.

export interface SliceTable {
  readonly pkg: string;
  readonly family: string;
  readonly weight: number;
  /** The slice name ('117', 'latin', …) that draws each code point. */
  readonly owner: ReadonlyMap<number, string> & { codePointsOf(slice: string): number[] };
  /** The package ships one whole file; the loader cuts each slice from it (its code points: sliceCodePoints). */
  readonly derived: boolean;
}

const unpacked = new Map<string, SliceTable>();

/**
 * Code point → slice name over the packed runs, by binary search: unpacking into a Map of ~30,000 entries
 * per family and weight cost more than the rest of a one-page export's font set-up.
 */
class RunOwner implements ReadonlyMap<number, string> {
  readonly size: number;

  constructor(
    private readonly starts: Int32Array, // first code point of each run, ascending
    private readonly ends: Int32Array, // exclusive
    private readonly names: readonly string[], // slice name of each run
  ) {
    let n = 0;
    for (let i = 0; i < starts.length; i++) n += ends[i]! - starts[i]!;
    this.size = n;
  }

  private run(cp: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < this.starts[mid]!) hi = mid - 1;
      else if (cp >= this.ends[mid]!) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  get(cp: number): string | undefined {
    const r = this.run(cp);
    return r < 0 ? undefined : this.names[r];
  }

  has(cp: number): boolean {
    return this.run(cp) >= 0;
  }

  /** The code points of one slice, ascending, straight from the runs. */
  codePointsOf(slice: string): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.starts.length; r++) if (this.names[r] === slice) for (let cp = this.starts[r]!; cp < this.ends[r]!; cp++) out.push(cp);
    return out;
  }

  *entries(): MapIterator<[number, string]> {
    for (let r = 0; r < this.starts.length; r++) for (let cp = this.starts[r]!; cp < this.ends[r]!; cp++) yield [cp, this.names[r]!];
  }

  *keys(): MapIterator<number> {
    for (const [cp] of this.entries()) yield cp;
  }

  *values(): MapIterator<string> {
    for (const [, name] of this.entries()) yield name;
  }

  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }

  forEach(fn: (value: string, key: number, map: ReadonlyMap<number, string>) => void): void {
    for (const [cp, name] of this.entries()) fn(name, cp, this);
  }
}

/** Base-36 digit value of a char code, or -1 for a separator. */
function digit36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/** Weights of one family are sliced alike (one RUNS entry, the same slice names): their owners are unpacked once. */
const owners = new Map<string, RunOwner>();

function unpack(t: PackedSliceTable): SliceTable {
  const key = `${t.runs}|${t.slices.join(',')}`;
  let owner = owners.get(key);
  if (!owner) {
    owner = unpackRuns(t);
    owners.set(key, owner);
  }
  return { pkg: t.pkg, family: t.family, weight: t.weight, owner, derived: t.derived === true };
}

function unpackRuns(t: PackedSliceTable): RunOwner {
  const runs = RUNS[t.runs];
  if (runs === undefined) throw new Error(`font index: ${t.pkg} ${t.weight} points at a missing run table`);
  // "gap.len.slice,gap.len.slice,…" read in one pass (split/map/parseInt ran in the interpreter at start-up).
  let count = 1;
  for (let i = 0; i < runs.length; i++) if (runs.charCodeAt(i) === 44) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const names: string[] = [];
  const field = [0, 0, 0];
  let cp = 0;
  let n = 0;
  let f = 0;
  for (let i = 0; i <= runs.length; i++) {
    const c = i < runs.length ? runs.charCodeAt(i) : 44;
    const d = digit36(c);
    if (d >= 0) {
      field[f] = field[f]! * 36 + d;
      continue;
    }
    if (c === 46 && f < 2) {
      f++;
      continue;
    }
    if (c !== 44 || f !== 2) throw new Error(`font index: ${t.pkg} ${t.weight} has a malformed run near character ${i}`);
    const [gap, len, slice] = field as [number, number, number];
    const name = t.slices[slice];
    if (name === undefined) throw new Error(`font index: ${t.pkg} ${t.weight} names slice ${slice} it does not have`);
    cp += gap;
    if (len > 0) {
      starts[n] = cp;
      ends[n] = cp + len;
      names.push(name);
      n++;
    }
    cp += len;
    field[0] = field[1] = field[2] = 0;
    f = 0;
  }
  return new RunOwner(starts.subarray(0, n), ends.subarray(0, n), names);
}

/** A family fontsource ships as one whole file, whose slices a loader cuts from it (sliceCodePoints). */
export function isDerivedFamily(pkg: string): boolean {
  return SLICE_TABLES.some((t) => t.pkg === pkg && t.derived === true);
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

/** The code points of one slice, ascending: what a loader keeps when it cuts a derived slice from the whole file. */
export function sliceCodePoints(pkg: string, weight: number, slice: string): number[] {
  return sliceTable(pkg, weight).owner.codePointsOf(slice);
}
