import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CALL_NAMES,
  EVENT_CHANNEL,
  EVENT_NAMES,
  callChannel,
  type EventName,
  type Transport,
} from '@shared/contract/api';

/**
 * Exposes exactly the contract: one function per call on its fixed channel, and `on` for
 * pushed events. The renderer never sees ipcRenderer or an IPC event object, only payloads.
 */
const calls: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of CALL_NAMES) {
  const channel = callChannel(name);
  calls[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

const eventNames = new Set<string>(EVENT_NAMES);

const api: Transport = {
  calls: calls as unknown as Transport['calls'],
  on(event: EventName, listener: (payload: never) => void) {
    if (!eventNames.has(event)) throw new Error(`unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, message: { name: string; payload: unknown }) => {
      if (message && message.name === event) (listener as (p: unknown) => void)(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('pos', api);
