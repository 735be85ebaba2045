import { useEffect, useRef } from 'react';
import { type StoreEventView } from '../../../preload/api';
import { yeban } from '../ipc/api';

/** Often enough that a colleague's save shows within a few seconds; the call itself is a queue read. */
const POLL_MS = 2000;

/**
 * What the store noticed since the last look: colleagues' saves, conflicts, lost locks, autosaves.
 * The main process queues them per session; the desk drains the queue while the issue is open.
 */
export function useIssueEvents(sessionId: string, onEvents: (events: StoreEventView[]) => void): void {
  const handler = useRef(onEvents);
  handler.current = onEvents;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      const r = await yeban().invoke('issue:events', { sessionId });
      if (!live) return;
      if (r.ok && r.value.length > 0) handler.current(r.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [sessionId]);
}
