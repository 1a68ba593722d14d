// Exposes the contract on window.marginalia and nothing else: one invoke per method of API_METHODS, one event hook.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, IPC_PREFIX } from '../core/ipc/contract';

const methods: Record<string, (arg?: unknown) => Promise<unknown>> = {};
for (const method of API_METHODS) {
  methods[method] = (arg?: unknown) => ipcRenderer.invoke(IPC_PREFIX + method, arg);
}

contextBridge.exposeInMainWorld('marginalia', {
  methods,
  /** Subscribes to host events; returns the unsubscribe function. */
  on(listener: (event: string, payload: unknown) => void): () => void {
    const handler = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => listener(message.event, message.payload);
    ipcRenderer.on(IPC_PREFIX + 'event', handler);
    return () => ipcRenderer.removeListener(IPC_PREFIX + 'event', handler);
  },
});
