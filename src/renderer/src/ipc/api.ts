import { createYebanApi, type HostEvent, type HostEventListener, type Invoke, type YebanApi } from '../../../preload/api';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge. */
    yeban?: YebanApi;
    /** Set by the Playwright Chromium host (page.exposeBinding) in place of a preload. */
    __yebanHostInvoke?: Invoke;
    /** Defined here for the Chromium host, which pushes shell events with page.evaluate. */
    __yebanHostEmit?: (event: HostEvent) => void;
  }
}

let api: YebanApi | null = null;

/**
 * The preload API. In Electron it is `window.yeban`; in the e2e Chromium host there is no preload,
 * so the same API is built here over the host's binding, which reaches the same dispatch.
 */
export function yeban(): YebanApi {
  if (api) return api;
  if (window.yeban) api = window.yeban;
  else if (typeof window.__yebanHostInvoke === 'function') api = createYebanApi(window.__yebanHostInvoke, hostEmitter());
  else throw new Error('夜班的主进程接口不可用：请用 `npm start` 启动应用，而不是直接打开网页。');
  return api;
}

function hostEmitter() {
  const listeners = new Set<HostEventListener>();
  window.__yebanHostEmit = (event) => listeners.forEach((l) => l(event));
  return (listener: HostEventListener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
}
