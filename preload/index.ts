import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The renderer gets exactly two functions; it never sees ipcRenderer itself. Inputs are
// validated in the main process, which is the trust boundary.
const api = {
  invoke: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke('atalaya:invoke', method, input),
  on: (event: string, callback: (payload: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on('atalaya:event', listener);
    return () => ipcRenderer.removeListener('atalaya:event', listener);
  },
};

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('atalaya', api);
