import { useCallback, useEffect, useRef, useState } from 'react';
import { type Story } from '../../../core/model';
import { type LockView } from '../../../preload/api';
import { yeban } from '../ipc/api';
import { registerDraftFlush } from '../app/pending-drafts';

/** An edit goes to the store once typing pauses this long (the store journals within 2 s of `story:edit`)... */
const EDIT_DEBOUNCE_MS = 400;
/**
 * ...and, however fast and long the typing, within this long of the oldest edit not yet sent: a pause-only wait held
 * every edit back for as long as the typing never paused, and the store's journal clock (which later edits do not
 * push back) never started. A crash loses at most this plus the store's autosave interval.
 */
const EDIT_MAX_WAIT_MS = 1000;
/** Sent in an idle moment between keystrokes (not between a keystroke and its frames), or after this at the latest. */
const EDIT_IDLE_TIMEOUT_MS = 200;

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; revision: number }
  | { state: 'failed'; message: string }
  /** A colleague saved the story since this draft began: both versions are kept in `folder`. */
  | { state: 'conflict'; message: string; folder: string };

export interface StorySession {
  story: Story | null;
  /** Why the text cannot be edited here (a colleague holds the lock, the issue is read-only), or null. */
  readOnly: { reason: 'locked'; holder: LockView } | { reason: 'other'; message: string } | null;
  loadError: string | null;
  dirty: boolean;
  save: SaveState;
  /** A new state of the story from the editor or the form. */
  change(next: Story): void;
  /** Save now (with any edit not yet sent); resolves with the saved story, or null. */
  saveNow(next?: Story): Promise<Story | null>;
  /** After a conflict: save this draft over the colleague's version, or take theirs and drop this one. */
  resolve(keep: 'mine' | 'theirs'): Promise<void>;
}

/**
 * One story open on the writing desk: takes its lock (or learns who holds it), loads it with any
 * unsaved draft, sends each edit to the store's autosave journal, saves, and lets go of the lock when
 * the story is closed.
 */
export function useStorySession(sessionId: string, storyId: string, sessionReadOnly: string | null, onSaved: (s: Story) => void): StorySession {
  const [story, setStory] = useState<Story | null>(null);
  const [readOnly, setReadOnly] = useState<StorySession['readOnly']>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const pending = useRef<Story | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const idle = useRef<number | null>(null);
  /** When the oldest edit not yet sent was made. */
  const since = useRef<number | null>(null);
  const cancelSend = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (idle.current !== null) cancelIdleCallback(idle.current);
    idle.current = null;
    since.current = null;
  }, []);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  // The last story:edit sent: a flush with nothing new still waits for it (an export must not overtake it).
  const sending = useRef<Promise<void>>(Promise.resolve());
  const flush = useCallback(async () => {
    cancelSend();
    const next = pending.current;
    pending.current = null;
    if (!next) return sending.current;
    const sent = sending.current.then(async () => {
      const r = await yeban().invoke('story:edit', { sessionId, story: next });
      if (!r.ok) setSave({ state: 'failed', message: r.error.message });
    });
    sending.current = sent.catch(() => undefined);
    return sent;
  }, [sessionId, cancelSend]);

  useEffect(() => {
    let live = true;
    const api = yeban();
    const target = { kind: 'story' as const, id: storyId };
    let held = false;
    void (async () => {
      if (sessionReadOnly === null) {
        const lock = await api.invoke('lock:acquire', { sessionId, target });
        if (!live) {
          if (lock.ok && lock.value.ok) void api.invoke('lock:release', { sessionId, target });
          return;
        }
        if (!lock.ok) setReadOnly({ reason: 'other', message: lock.error.message });
        else if (!lock.value.ok) setReadOnly({ reason: 'locked', holder: lock.value.holder });
        else held = true;
      } else setReadOnly({ reason: 'other', message: sessionReadOnly });
      const got = await api.invoke('story:get', { sessionId, storyId });
      if (!live) return;
      if (!got.ok) {
        setLoadError(got.error.message);
        return;
      }
      setStory(got.value.story);
      setDirty(got.value.dirty);
      if (got.value.readOnlyReason && sessionReadOnly === null && held) setReadOnly({ reason: 'other', message: got.value.readOnlyReason });
    })();
    return () => {
      live = false;
      // Closing the story: what was typed goes to the journal before the lock is let go.
      void flush().then(() => {
        if (held) void api.invoke('lock:release', { sessionId, target });
      });
    };
  }, [sessionId, storyId, sessionReadOnly, flush]);

  const change = useCallback(
    (next: Story) => {
      setStory(next);
      setDirty(true);
      setSave({ state: 'idle' });
      pending.current = next;
      // Already asked to send at the next idle moment: it takes this edit too.
      if (idle.current !== null) return;
      if (timer.current) clearTimeout(timer.current);
      const now = performance.now();
      since.current ??= now;
      const wait = Math.min(EDIT_DEBOUNCE_MS, Math.max(0, since.current + EDIT_MAX_WAIT_MS - now));
      timer.current = setTimeout(() => {
        timer.current = null;
        idle.current = requestIdleCallback(() => void flush(), { timeout: EDIT_IDLE_TIMEOUT_MS });
      }, wait);
    },
    [flush],
  );

  const saveNow = useCallback(
    async (next?: Story) => {
      cancelSend();
      const latest = next ?? pending.current ?? story;
      pending.current = null;
      if (!latest) return null;
      if (next) setStory(next);
      setSave({ state: 'saving' });
      const r = await yeban().invoke('story:save', { sessionId, storyId, story: latest });
      if (!r.ok) {
        setSave({ state: 'failed', message: r.error.message });
        return null;
      }
      if (r.value.status === 'conflict') {
        setSave({ state: 'conflict', message: r.value.message, folder: r.value.folder });
        return null;
      }
      // The store's copy is equal but not the same object: keep the editor's body so it does not reload
      // (which would drop the caret and the undo history).
      const fromStore = r.value.story;
      const saved = JSON.stringify(fromStore.body) === JSON.stringify(latest.body) ? { ...fromStore, body: latest.body } : fromStore;
      setStory(saved);
      setDirty(false);
      setSave({ state: 'saved', revision: saved.revision });
      onSavedRef.current(saved);
      return saved;
    },
    [sessionId, storyId, story, cancelSend],
  );

  // Export saves the session's drafts first: it takes this editor's pending edit before it does.
  useEffect(() => registerDraftFlush(flush), [flush]);

  // The native menu's 保存 (Ctrl+S) saves the story being edited, as its 保存 button does.
  const saveRef = useRef(saveNow);
  saveRef.current = saveNow;
  useEffect(
    () =>
      yeban().onHostEvent((e) => {
        if (e.type === 'menu-command' && e.command === 'save') void saveRef.current();
      }),
    [],
  );

  const resolve = useCallback(
    async (keep: 'mine' | 'theirs') => {
      setSave({ state: 'saving' });
      const r = await yeban().invoke('story:resolveConflict', { sessionId, storyId, keep });
      if (!r.ok) {
        setSave({ state: 'failed', message: r.error.message });
        return;
      }
      if (r.value.status === 'conflict') {
        setSave({ state: 'conflict', message: r.value.message, folder: r.value.folder });
        return;
      }
      // Keeping mine leaves the editor's text as it is; taking theirs replaces it (a new body object).
      const fromStore = r.value.story;
      const kept = keep === 'mine' && story ? { ...fromStore, body: story.body } : fromStore;
      setStory(kept);
      setDirty(false);
      setSave({ state: 'saved', revision: fromStore.revision });
      onSavedRef.current(kept);
    },
    [sessionId, storyId, story],
  );

  return { story, readOnly, loadError, dirty, save, change, saveNow, resolve };
}
