import { channels, type Channel, type Payload, type Result } from './channels';
import { isTrustedSender } from '../app/sender';
import { type HostEvent, type IpcFailure, type IpcResult } from './result';

// The one entry point for every call from a renderer, shared by ipcMain.handle (Electron) and by
// page.exposeBinding (the Playwright Chromium host): sender check, payload validation against the
// channel table, then the handler. Nothing a renderer sends reaches a handler unvalidated.

/** What handlers may rely on; built once by the host (Electron glue or e2e server). */
export interface HandlerContext {
  /** The user's issue folder (a copy of the sample lands here): `~/Documents/夜班` or YEBAN_DOCUMENTS_DIR. */
  documentsDir: string;
  /** The bundled resources folder (resources/ in a checkout, process.resourcesPath/resources when packaged). */
  resourcesDir: string;
  /** Which shell is answering, for diagnostics and the e2e run's host line. */
  host: 'electron' | 'chromium';
  appVersion: string;
  /** The issue folder named on the command line at launch (opened instead of the sample), or null. */
  launchIssuePath: string | null;
  /** Pushes an event to the window (progress of a long call); absent where no window listens. */
  emit?: (event: HostEvent) => void;
  /** Asks the user for a folder (Electron's dialog); absent where the shell has none (the Chromium host). */
  chooseFolder?: (title: string) => Promise<string | null>;
  /** The window's UI language changed: the Electron glue relabels the native menu; absent where there is none. */
  onLocale?: (locale: 'zh-CN' | 'en') => void;
}

export type Handler<C extends Channel> = (payload: Payload<C>, ctx: HandlerContext) => Promise<Result<C>>;
export type HandlerTable = { [C in Channel]?: Handler<C> };

export interface DispatchOptions {
  handlers: HandlerTable;
  /** `app://yeban` in Electron, `http://127.0.0.1:<port>` in the Chromium e2e host. */
  trustedOrigin: string;
  context: HandlerContext;
}

export type Dispatch = (channel: unknown, payload: unknown, senderUrl: string | undefined) => Promise<IpcResult<unknown>>;

const fail = (code: IpcFailure['error']['code'], message: string): IpcFailure => ({ ok: false, error: { code, message } });

function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function createDispatch({ handlers, trustedOrigin, context }: DispatchOptions): Dispatch {
  return async (channel, payload, senderUrl) => {
    if (!isTrustedSender(senderUrl, trustedOrigin)) return fail('forbidden-sender', `拒绝来自 ${String(senderUrl)} 的调用`);
    if (!isChannel(channel)) return fail('unknown-channel', `未知的调用：${String(channel)}`);
    const handler = handlers[channel] as Handler<Channel> | undefined;
    if (!handler) return fail('unknown-channel', `调用 ${channel} 没有处理程序`);
    const parsed = channels[channel].safeParse(payload);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(参数)'}：${i.message}`).join('；');
      return fail('invalid-payload', `${channel} 的参数无效：${why}`);
    }
    try {
      const value = await handler(parsed.data as Payload<Channel>, context);
      return { ok: true, value };
    } catch (err) {
      // Handlers signal expected failures (a revision conflict, a locked story) with a string `code`
      // (the store's StoreError names it `kind`); anything else is an internal error whose message
      // still reaches the user.
      const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; kind?: unknown; message?: unknown };
      const code = typeof e.code === 'string' ? e.code : typeof e.kind === 'string' ? e.kind : 'handler-failed';
      const message = typeof e?.message === 'string' ? e.message : String(err);
      return { ok: false, error: { code, message } };
    }
  };
}
