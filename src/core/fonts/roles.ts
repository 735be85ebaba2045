import type { FontFileRef } from '../model/house';
import type { FontRole } from '../model/style';
import { fileRef } from './loader';
import { slicedWeights } from './slice-index';

// Which font files draw a role at a weight: the newsroom's own fonts first (they replace the bundled
// stand-in), then the bundled family for the role, then the other bundled families so that a character the
// role's face lacks still prints in a Chinese face rather than as 〓 (TYPESETTING.md §5.5).

export type FontSource =
  | { readonly kind: 'sliced'; readonly pkg: string; readonly family: string; readonly weight: number }
  | { readonly kind: 'whole'; readonly file: string; readonly family: string; readonly weight: number };

const SERIF = { pkg: 'noto-serif-sc', family: 'Noto Serif SC' } as const;
const SANS = { pkg: 'noto-sans-sc', family: 'Noto Sans SC' } as const;
/** Shipped as one 16 MB file; sliced like Noto by the loader (slice-index.ts), so a page fetches only its characters. */
const KAI = { pkg: 'lxgw-wenkai', family: 'LXGW WenKai' } as const;

/** CSS font matching: nearest weight, preferring heavier for ≥ 400 requests (400 → 500 before 300). */
export function nearestWeight(want: number, have: readonly number[]): number {
  let best = have[0];
  if (best === undefined) throw new Error('nearestWeight: no weights to choose from');
  let bestCost = Infinity;
  for (const w of have) {
    const d = w - want;
    const cost = d === 0 ? 0 : want >= 400 ? (d > 0 ? d : 1000 - d) : d < 0 ? -d : 1000 + d;
    if (cost < bestCost) {
      bestCost = cost;
      best = w;
    }
  }
  return best;
}

function serif(weight: number): FontSource {
  return { kind: 'sliced', ...SERIF, weight: nearestWeight(weight, slicedWeights(SERIF.pkg)) };
}
function sans(weight: number): FontSource {
  return { kind: 'sliced', ...SANS, weight: nearestWeight(weight, slicedWeights(SANS.pkg)) };
}
function kai(weight: number): FontSource {
  return { kind: 'sliced', ...KAI, weight: nearestWeight(weight, slicedWeights(KAI.pkg)) };
}

function bundledChain(role: FontRole, weight: number): FontSource[] {
  switch (role) {
    case '书宋':
    case '标宋':
      return [serif(weight), sans(weight), kai(weight)];
    case '黑体':
      return [sans(weight), serif(weight), kai(weight)];
    case '楷体':
    case '仿宋': // none bundled: 楷体 stands in until the house registers one (preflight note)
      return [kai(weight), serif(weight), sans(weight)];
  }
}

export function sourceChain(role: FontRole, weight: number, house: readonly FontFileRef[]): FontSource[] {
  const own = house.filter((f) => f.role === role);
  const chain: FontSource[] = [];
  if (own.length > 0) {
    const w = nearestWeight(weight, own.map((f) => f.weight));
    for (const f of own.filter((x) => x.weight === w)) {
      const file = f.file.startsWith('file:') ? fileRef(f.file.slice(5).replace(/#\d+$/, ''), f.index) : f.file;
      chain.push({ kind: 'whole', file, family: f.family, weight: f.weight });
    }
  }
  return [...chain, ...bundledChain(role, weight)];
}

/** Roles drawn by a stand-in rather than a face of their own (shown by preflight). */
export function roleNote(role: FontRole, house: readonly FontFileRef[]): string | null {
  if (role === '仿宋' && !house.some((f) => f.role === '仿宋')) return '仿宋：未登记字体，暂以楷体（霞鹜文楷）代替';
  return null;
}

export function sourceFile(src: FontSource, slice: string): string {
  return src.kind === 'whole' ? src.file : `fontsource:${src.pkg}/${src.weight}/${slice}`;
}
