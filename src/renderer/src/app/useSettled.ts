import { useEffect, useState } from 'react';

/**
 * `value` once it has held still for `quietMs`, and until then the value it had before: for what the desk shows beside
 * the editor that need not follow every keystroke, only where the typing pauses.
 */
export function useSettled<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const timer = setTimeout(() => setSettled(() => value), quietMs);
    return () => clearTimeout(timer);
  }, [value, settled, quietMs]);
  return settled;
}
