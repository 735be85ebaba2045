// The layout desk's undo and redo: a plain value stack, no React. Each entry is the state before (undo)
// or after (redo) one edit, with the edit's name for the button's tooltip.

export interface UndoEntry<T> {
  readonly label: string;
  readonly state: T;
}

export interface UndoStack<T> {
  readonly past: readonly UndoEntry<T>[];
  readonly future: readonly UndoEntry<T>[];
}

/** How many edits are kept: older ones fall off the bottom. */
export const UNDO_DEPTH = 100;

export function emptyStack<T>(): UndoStack<T> {
  return { past: [], future: [] };
}

/** Records an edit: `before` is the state it replaced. A new edit forgets whatever could be redone. */
export function record<T>(stack: UndoStack<T>, label: string, before: T, depth = UNDO_DEPTH): UndoStack<T> {
  const past = [...stack.past, { label, state: before }];
  return { past: past.length > depth ? past.slice(past.length - depth) : past, future: [] };
}

/** Steps back: the state to show and the stack after; null when there is nothing to undo. */
export function undo<T>(stack: UndoStack<T>, current: T): { stack: UndoStack<T>; state: T; label: string } | null {
  const last = stack.past.at(-1);
  if (!last) return null;
  return {
    stack: { past: stack.past.slice(0, -1), future: [...stack.future, { label: last.label, state: current }] },
    state: last.state,
    label: last.label,
  };
}

/** Steps forward again after an undo; null when there is nothing to redo. */
export function redo<T>(stack: UndoStack<T>, current: T): { stack: UndoStack<T>; state: T; label: string } | null {
  const next = stack.future.at(-1);
  if (!next) return null;
  return {
    stack: { past: [...stack.past, { label: next.label, state: current }], future: stack.future.slice(0, -1) },
    state: next.state,
    label: next.label,
  };
}
