#!/usr/bin/env node
// Computes, once, which fontsource slice draws each code point for every bundled family and weight, and
// writes a compact table into src/core/fonts/generated/slice-index.ts. Reading every slice's character map
// at run time cost ~0.9 s per export (STACK.md); the composer needs the answer before any slice is loaded.
//
// A code point goes where the browser would send it: the LAST-declared @font-face whose unicode-range covers
// it AND whose file really has a glyph for it (674 code points are declared twice, 2,261 are declared in a
// slice that lacks them).
//
// Run: node scripts/build-font-index.mjs   (re-run after upgrading an @fontsource package)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The sliced families and the weights the roles use (书宋 400, 标宋 700/900, 黑体 400/700). */
const TARGETS = [
  { pkg: 'noto-serif-sc', family: 'Noto Serif SC', weights: [400, 700, 900] },
  { pkg: 'noto-sans-sc', family: 'Noto Sans SC', weights: [400, 700] },
];

/**
 * Families fontsource ships as one whole file (LXGW WenKai: 16 MB, 30,000 characters), sliced by the main
 * process instead (src/main/fonts/derived-slice.ts): each character goes to the slice Noto Serif SC 400 gives it
 * (Google's slicing by how often characters occur, so a page needs few slices), and the characters Noto has no
 * slice for (traditional and rare characters, kana) to slices of EXTRA_SLICE_SIZE in code point order.
 */
const DERIVED = [{ pkg: 'lxgw-wenkai', family: 'LXGW WenKai', weights: [300, 500, 700], like: { pkg: 'noto-serif-sc', weight: 400 } }];
const EXTRA_SLICE_SIZE = 600;

function parseRanges(text) {
  return text.split(',').map((part) => {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m) throw new Error(`unicode-range entry not understood: ${part}`);
    if (m[1].includes('?')) {
      return [parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)];
    }
    const a = parseInt(m[1], 16);
    return [a, m[2] ? parseInt(m[2], 16) : a];
  });
}

function faces(pkg, weight) {
  const cssPath = require.resolve(`@fontsource/${pkg}/${weight}.css`);
  const css = readFileSync(cssPath, 'utf8');
  const out = [];
  for (const block of css.split('@font-face').slice(1)) {
    const src = new RegExp(`files/${pkg}-([a-z0-9-]+?)-(\\d+)-normal\\.woff2`).exec(block);
    const range = /unicode-range:\s*([^;]+);/.exec(block);
    if (!src || !range) throw new Error(`${cssPath}: @font-face without file or unicode-range`);
    if (Number(src[2]) !== weight) throw new Error(`${cssPath}: weight ${src[2]} in the ${weight} file`);
    const woff = join(dirname(cssPath), 'files', `${pkg}-${src[1]}-${weight}-normal.woff`);
    out.push({ slice: src[1], ranges: parseRanges(range[1]), woff });
  }
  return out;
}

/** fontkit's own WOFF reader fails on a few slices (e.g. noto-sans-sc 101): the woff2 twin then answers. */
function characterSet(woff) {
  try {
    return fontkit.create(readFileSync(woff)).characterSet;
  } catch {
    return fontkit.create(readFileSync(`${woff}2`)).characterSet;
  }
}

/** Runs of consecutive code points with the same slice, as base-36 "gap.len.slice" triples. */
function encode(map, sliceNames) {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const runs = [];
  let prevEnd = 0;
  let i = 0;
  while (i < cps.length) {
    const start = cps[i];
    const slice = map.get(start);
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1 && map.get(cps[j + 1]) === slice) j++;
    const len = cps[j] - start + 1;
    runs.push(`${(start - prevEnd).toString(36)}.${len.toString(36)}.${slice.toString(36)}`);
    prevEnd = start + len;
    i = j + 1;
  }
  void sliceNames;
  return runs.join(',');
}

const tables = [];
for (const t of TARGETS) {
  for (const weight of t.weights) {
    const list = faces(t.pkg, weight);
    const sliceNames = list.map((f) => f.slice);
    const owner = new Map();
    list.forEach((face, index) => {
      const has = new Set(characterSet(face.woff));
      for (const [a, b] of face.ranges) {
        for (let cp = a; cp <= b; cp++) if (has.has(cp)) owner.set(cp, index); // later faces win
      }
    });
    tables.push({ pkg: t.pkg, family: t.family, weight, slices: sliceNames, runs: encode(owner, sliceNames), count: owner.size, owner });
    console.log(`${t.pkg} ${weight}: ${owner.size} code points in ${sliceNames.length} slices`);
  }
}

for (const t of DERIVED) {
  const like = tables.find((x) => x.pkg === t.like.pkg && x.weight === t.like.weight);
  for (const weight of t.weights) {
    const woff = join(dirname(require.resolve(`@fontsource/${t.pkg}/package.json`)), 'files', `${t.pkg}-latin-${weight}-normal.woff`);
    const font = fontkit.create(readFileSync(woff));
    const sliceNames = [];
    const indexOf = (name) => {
      let i = sliceNames.indexOf(name);
      if (i < 0) i = sliceNames.push(name) - 1;
      return i;
    };
    // Slices in the order of the family they follow, so the same characters get the same slice name.
    for (const name of like.slices) indexOf(name);
    const owner = new Map();
    const extra = [];
    for (const cp of [...new Set(font.characterSet)].sort((a, b) => a - b)) {
      if (font.glyphForCodePoint(cp).id === 0) continue;
      const slice = like.owner.get(cp);
      if (slice === undefined) extra.push(cp);
      else owner.set(cp, slice);
    }
    extra.forEach((cp, i) => owner.set(cp, indexOf(`x${Math.floor(i / EXTRA_SLICE_SIZE)}`)));
    // A slice of the family followed that this font has no character in is left out.
    const used = new Set(owner.values());
    const kept = sliceNames.filter((_, i) => used.has(i));
    const renumber = new Map(sliceNames.map((name, i) => [i, kept.indexOf(name)]));
    for (const [cp, i] of owner) owner.set(cp, renumber.get(i));
    tables.push({ pkg: t.pkg, family: t.family, weight, slices: kept, runs: encode(owner, kept), count: owner.size, derived: true });
    console.log(`${t.pkg} ${weight}: ${owner.size} code points in ${kept.length} slices cut from the whole file`);
  }
}

// Weights of one family are sliced alike; store each distinct run string once.
const distinct = [...new Set(tables.map((t) => t.runs))];
const lines = [
  '// GENERATED by scripts/build-font-index.mjs from the @fontsource packages: do not edit.',
  '// Per family and weight: slice names in CSS order, and code point runs "gap.length.sliceIndex" in base 36',
  '// (gap counted from the end of the previous run). See src/core/fonts/slice-index.ts for the reader.',
  '',
  'export interface PackedSliceTable {',
  '  readonly pkg: string;',
  '  readonly family: string;',
  '  readonly weight: number;',
  '  readonly count: number;',
  '  readonly slices: readonly string[];',
  '  /** Index into RUNS. */',
  '  readonly runs: number;',
  '  /** Slices cut from the whole file by the loader (the package ships one file), not shipped as files. */',
  '  readonly derived?: true;',
  '}',
  '',
  'export const SLICE_TABLES: readonly PackedSliceTable[] = [',
  ...tables.map((t) => `  ${JSON.stringify({ pkg: t.pkg, family: t.family, weight: t.weight, count: t.count, slices: t.slices, runs: distinct.indexOf(t.runs), ...(t.derived ? { derived: true } : {}) })},`),
  '];',
  '',
  'export const RUNS: readonly string[] = [',
  ...distinct.map((r) => `  ${JSON.stringify(r)},`),
  '];',
  '',
];
const outPath = join(root, 'src/core/fonts/generated/slice-index.ts');
writeFileSync(outPath, lines.join('\n'));
console.log(`wrote ${outPath}`);
