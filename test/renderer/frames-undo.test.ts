import { describe, expect, it } from 'vitest';
import { emptyStack, record, redo, undo } from '../../src/renderer/src/frames/undo-stack';

describe('undo stack', () => {
  it('undoes and redoes edits in order', () => {
    let s = emptyStack<number>();
    s = record(s, 'a', 0); // 0 → 1
    s = record(s, 'b', 1); // 1 → 2
    const u1 = undo(s, 2)!;
    expect(u1).toMatchObject({ state: 1, label: 'b' });
    const u2 = undo(u1.stack, u1.state)!;
    expect(u2).toMatchObject({ state: 0, label: 'a' });
    expect(undo(u2.stack, u2.state)).toBeNull();
    const r1 = redo(u2.stack, 0)!;
    expect(r1).toMatchObject({ state: 1, label: 'a' });
    const r2 = redo(r1.stack, 1)!;
    expect(r2).toMatchObject({ state: 2, label: 'b' });
    expect(redo(r2.stack, 2)).toBeNull();
  });

  it('forgets the redo branch when a new edit is made after an undo', () => {
    let s = record(record(emptyStack<string>(), 'a', 'x'), 'b', 'y');
    const u = undo(s, 'z')!;
    s = record(u.stack, 'c', u.state);
    expect(s.future).toEqual([]);
    expect(undo(s, 'w')).toMatchObject({ state: 'y', label: 'c' });
  });

  it('keeps only the newest edits up to its depth', () => {
    let s = emptyStack<number>();
    for (let i = 0; i < 10; i++) s = record(s, `e${i}`, i, 3);
    expect(s.past.map((e) => e.state)).toEqual([7, 8, 9]);
  });

  it('does not change the stack it was given', () => {
    const s = record(emptyStack<number>(), 'a', 0);
    const frozen = JSON.stringify(s);
    undo(s, 1);
    record(s, 'b', 1);
    expect(JSON.stringify(s)).toBe(frozen);
  });
});
