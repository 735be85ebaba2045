import { type Channel, type Payload, type Result } from '../main/ipc/channels';
import { type HostEvent, type IpcResult, EVENT_CHANNEL, INVOKE_CHANNEL } from '../main/ipc/result';

// The one API the renderer gets, as `window.yeban`. Pure: it only wraps two transports — `invoke`
// (ipcRenderer.invoke in Electron's preload, a Playwright binding in the Chromium host) and
// `subscribe` (ipcRenderer.on, or the Chromium host's page-side emitter) for events the shell pushes.
// Results come back as {ok, value} | {ok, error}: errors cross contextBridge as data.

export type { Channel, Payload, Result, IpcResult, HostEvent };
export type { AppInfo, BudgetEntry, DeskIssue, DeskSession, ExportFindingView, ExportView, LockView, SaveView, StoreEventView, StoryView } from '../main/ipc/channels';

export { INVOKE_CHANNEL, EVENT_CHANNEL };
export { decodeFontBatch, FONT_BATCH_MAX, fontBatchUrlPath, fontUrlPath } from '../main/ipc/font-route';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
export type HostEventListener = (event: HostEvent) => void;
/** Registers a listener; returns the function that removes it. */
export type Subscribe = (listener: HostEventListener) => () => void;

export interface YebanApi {
  invoke<C extends Channel>(channel: C, payload: Payload<C>): Promise<IpcResult<Result<C>>>;
  onHostEvent(listener: HostEventListener): () => void;
}

export function createYebanApi(transport: Invoke, subscribe: Subscribe): YebanApi {
  return Object.freeze({
    async invoke<C extends Channel>(channel: C, payload: Payload<C>): Promise<IpcResult<Result<C>>> {
      try {
        return (await transport(channel, payload)) as IpcResult<Result<C>>;
      } catch (err) {
        // The transport itself broke (main process gone, binding detached): report it like any failure.
        return { ok: false, error: { code: 'transport-failed', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    onHostEvent(listener: HostEventListener): () => void {
      return subscribe(listener);
    },
  });
}
