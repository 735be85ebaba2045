import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createYebanApi, EVENT_CHANNEL, INVOKE_CHANNEL, type HostEvent, type Subscribe } from './api';

// Sandboxed preload: the renderer sees only `window.yeban`, never ipcRenderer or an IPC event object.
const subscribe: Subscribe = (listener) => {
  const handler = (_event: IpcRendererEvent, hostEvent: HostEvent) => listener(hostEvent);
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
};

contextBridge.exposeInMainWorld('yeban', createYebanApi((channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload), subscribe));
