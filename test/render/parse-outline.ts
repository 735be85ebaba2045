import { type Outline } from '../../src/core/render';

// Outlines for the tests, written as path data (absolute M/L/Q/C/Z, what fontkit's `path.toSVG()` writes).

const ARG_COUNT: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };

// Letters other than e/E (an exponent inside a number) start a command; spaces and commas separate numbers.
const isCmd = (c: number): boolean => ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && c !== 101 && c !== 69;
const isSep = (c: number): boolean => c === 32 || c === 44 || c === 9 || c === 10 || c === 13;

/**
 * Parses absolute M/L/Q/C/Z path data (what fontkit's `path.toSVG()` writes). Throws on anything else. A hand-rolled
 * scan, not a regex and split: a page's first drawing parses a few thousand glyphs.
 */
export function parseOutline(d: string): Outline {
  let cmds = '';
  const args: number[] = [];
  let i = 0;
  const n = d.length;
  while (i < n && !isCmd(d.charCodeAt(i))) i++;
  while (i < n) {
    const c = d[i]!;
    const want = ARG_COUNT[c];
    if (want === undefined) throw new Error(`glyph outline: unsupported path command "${c}"`);
    const from = i + 1;
    let got = 0;
    i = from;
    for (;;) {
      // Skip separators, then read one number up to the next separator or command letter.
      while (i < n && isSep(d.charCodeAt(i))) i++;
      if (i >= n || isCmd(d.charCodeAt(i))) break;
      const a = i;
      while (i < n && !isSep(d.charCodeAt(i)) && !isCmd(d.charCodeAt(i))) i++;
      const v = Number(d.slice(a, i));
      if (!Number.isFinite(v)) got = -1;
      if (got >= 0) {
        args.push(v);
        got++;
      }
    }
    if (got !== want) throw new Error(`glyph outline: "${c}" needs ${want} numbers, got "${d.slice(from, i)}"`);
    cmds += c;
  }
  return { cmds, args: Float64Array.from(args) };
}

