// The envelope every IPC call resolves to. Errors travel as data, not as thrown exceptions:
// contextBridge keeps only an Error's message, and the renderer needs the code to react.
export interface IpcFailure {
  ok: false;
  error: { code: string; message: string };
}
export type IpcResult<T> = { ok: true; value: T } | IpcFailure;

/** The single ipcMain channel the preload invokes; the `channel` argument selects the handler. */
export const INVOKE_CHANNEL = 'yeban:invoke';

/** The ipcRenderer channel on which the main process pushes HostEvents to the window. */
export const EVENT_CHANNEL = 'yeban:event';

/** What the shell tells the renderer unasked: a second launch named an issue to open. */
export type HostEvent = { type: 'open-issue'; path: string };
