import { CALL_NAMES, callChannel } from '@shared/contract/api';
import type { Envelope } from '@shared/errors';
import { dispatch, type DispatchLog, type Handlers } from '../api/dispatch';

/** The part of an IPC invoke event we read: which frame sent it. */
export interface IpcInvokeEventLike {
  senderFrame?: { url: string; parent?: unknown } | null;
}

/** The slice of Electron's ipcMain this module needs, so tests pass a plain fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

const UNTRUSTED: Envelope<never> = {
  ok: false,
  error: { code: 'untrusted_sender', message: 'This page is not allowed to use the cashier functions.' },
};

function senderUrl(event: IpcInvokeEventLike): string | null {
  try {
    const frame = event.senderFrame;
    // Only a top-level frame of our own page may call: a subframe is never ours to trust.
    if (!frame || frame.parent) return null;
    return typeof frame.url === 'string' ? frame.url : null;
  } catch {
    // Electron throws when the frame is already gone: an unknown sender is an untrusted one.
    return null;
  }
}

/**
 * One handler per contract call, on its fixed channel. Every call is checked twice before a
 * service runs: the sending frame must be one of the app's own pages, and dispatch() parses
 * the input with the call's schema. Only the first argument crosses; the event object never
 * reaches a handler, so no service can reply to, or keep, a renderer's sender.
 * Returns a function that removes the handlers (for a clean shutdown).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (frameUrl: string) => boolean,
  log?: DispatchLog,
): () => void {
  const channels: string[] = [];
  for (const name of CALL_NAMES) {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event, input) => {
      const url = senderUrl(event);
      if (url === null || !isTrustedSender(url)) {
        log?.warn('refused IPC call from an untrusted frame', { call: name, url });
        return UNTRUSTED;
      }
      return dispatch(handlers, name, input, log);
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
