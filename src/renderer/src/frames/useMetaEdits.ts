import { useCallback, useRef, useState } from 'react';
import { type IssueMeta, type Page } from '../../../core/model';
import { type DeskSession } from '../../../preload/api';
import { yeban } from '../ipc/api';
import { checkMeta, EditRefused } from './frame-ops';
import { emptyStack, record, redo, undo, type UndoStack } from './undo-stack';

export interface MetaEdits {
  /** Runs one edit of the pages: checked, shown at once (the page lays out again), then saved. */
  apply(label: string, op: (meta: IssueMeta) => IssueMeta): Promise<boolean>;
  undo(): Promise<void>;
  /** Takes the issue as the main process has it now (after something there changed it, like an asset import). */
  refresh(): Promise<void>;
  redo(): Promise<void>;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** The last refusal or failed save, in Chinese; cleared by the next edit that succeeds. */
  error: string | null;
  clearError(): void;
  saving: boolean;
}

/**
 * The layout desk's edits of issue.json: frames and the flat plan. Undo keeps only the pages, so undoing a
 * frame move never takes back a story a colleague added to the budget meanwhile. Saves go through
 * `issue:saveMeta`, which takes the page lock of every page the save changes (or refuses with its holder).
 */
export function useMetaEdits(opened: DeskSession, onSession: (s: DeskSession) => void): MetaEdits {
  const [stack, setStack] = useState<UndoStack<readonly Page[]>>(emptyStack);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The latest session, also between renders: edits made in quick succession build on each other.
  const current = useRef(opened);
  current.current = opened;

  // Saves run one after another: each names the hash the previous one left, so quick edits (an arrow key
  // held down) never meet each other as conflicts.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const fetchFresh = useCallback(
    async (sessionId: string) => {
      const fresh = await yeban().invoke('issue:get', { sessionId });
      if (!fresh.ok) return;
      current.current = { ...current.current, issue: fresh.value.issue, metaHash: fresh.value.metaHash };
      onSession(current.current);
    },
    [onSession],
  );

  const commit = useCallback(
    async (next: IssueMeta): Promise<boolean> => {
      const checked = checkMeta(next);
      if (!checked.ok) {
        setError(checked.message);
        return false;
      }
      const shown = { ...current.current, issue: checked.meta };
      current.current = shown;
      onSession(shown);
      setSaving(true);
      const save = queue.current.then(() => yeban().invoke('issue:saveMeta', { sessionId: shown.sessionId, meta: checked.meta }));
      const settled = save.catch(() => null);
      queue.current = settled;
      const r = await save;
      setSaving(false);
      if (!r.ok) {
        // Show what is on disk again (a refused save may follow others that were kept).
        setError(r.error.message);
        await fetchFresh(shown.sessionId);
        return false;
      }
      // Only the hash is news (the meta shown is what was saved, or a later edit waiting in the queue); it is
      // kept here without a new session for the desk, which would only lay the same pages out again. But if the
      // desk took a fetched issue meanwhile (a colleague's change, or its own fetch racing this save), the
      // main process has the truth now.
      current.current = { ...current.current, metaHash: r.value.metaHash };
      if (current.current.issue !== checked.meta && queue.current === settled) await fetchFresh(shown.sessionId);
      setError(null);
      return true;
    },
    [onSession, fetchFresh],
  );

  const apply = useCallback(
    async (label: string, op: (meta: IssueMeta) => IssueMeta): Promise<boolean> => {
      if (current.current.readOnly) {
        setError(current.current.readOnlyReason ?? '期刊为只读');
        return false;
      }
      const meta = current.current.issue;
      let next: IssueMeta;
      try {
        next = op(meta);
      } catch (e) {
        if (!(e instanceof EditRefused)) throw e;
        setError(e.message);
        return false;
      }
      if (next === meta) return true;
      const ok = await commit(next);
      if (ok) setStack((s) => record(s, label, meta.pages));
      return ok;
    },
    [commit],
  );

  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      const meta = current.current.issue;
      const r = (which === 'undo' ? undo : redo)(stack, meta.pages);
      if (!r) return;
      if (await commit({ ...meta, pages: [...r.state] })) setStack(r.stack);
    },
    [stack, commit],
  );

  return {
    apply,
    undo: () => step('undo'),
    refresh: async () => {
      await queue.current;
      await fetchFresh(current.current.sessionId);
    },
    redo: () => step('redo'),
    canUndo: stack.past.length > 0,
    canRedo: stack.future.length > 0,
    undoLabel: stack.past.at(-1)?.label ?? null,
    redoLabel: stack.future.at(-1)?.label ?? null,
    error,
    clearError: () => setError(null),
    saving,
  };
}
