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

/** Commands the native menu sends to the window (src/main/app/menu.ts). */
export type MenuCommandEvent = 'new-issue' | 'save' | 'export-pdf';

/**
 * What the shell tells the renderer unasked: a second launch (or 最近打开) named an issue to open, a menu
 * command, or how far an export has got.
 */
export type HostEvent =
  | { type: 'open-issue'; path: string }
  | { type: 'menu-command'; command: MenuCommandEvent }
  /** 视图 → 语言 chose a UI language: the window switches to it. */
  | { type: 'set-locale'; locale: 'zh-CN' | 'en' }
  | { type: 'export-progress'; jobId: string; done: number; total: number; page: string; phase: 'saving' | 'layout' | 'writing' | 'done' };
