// Numbers in content streams: at most 3 decimals (1/1000 pt is far below any press's resolution), no
// exponent, no "-0", so streams stay small and byte-identical across runs.
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  if (Object.is(r, -0) || r === 0) return '0';
  return String(r);
}
