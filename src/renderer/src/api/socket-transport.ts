import {
  CALL_NAMES,
  EVENT_NAMES,
  type EventName,
  type Events,
  type Transport,
  type TransportCalls,
} from '@shared/contract/api';
import { MAX_FRAME_BYTES, SOCKET_PATH, type CallFrame, type ServerFrame } from '@shared/contract/socket-frames';
import type { Envelope } from '@shared/errors';

const UNREACHABLE: Envelope<unknown> = {
  ok: false,
  error: { code: 'internal', message: 'The app service is not reachable.' },
};

const TOO_LARGE: Envelope<unknown> = {
  ok: false,
  error: { code: 'invalid_input', message: `The request is larger than ${MAX_FRAME_BYTES / 1024} KiB.` },
};

/**
 * Whether a call's frame is over the harness's limit. The harness would close the socket on
 * it, and every other call in flight (a charge among them) would come back "not reachable":
 * refused here instead, with a clear answer for this call only. The exact UTF-8 size is
 * counted only when the text could be over (a UTF-16 unit is at most 3 bytes).
 */
function tooLarge(text: string): boolean {
  return text.length * 3 > MAX_FRAME_BYTES && new TextEncoder().encode(text).byteLength > MAX_FRAME_BYTES;
}

/** Waits before reconnecting: quick at first, then no more often than every few seconds. */
const RECONNECT_MS = [200, 500, 1000, 2000, 5000] as const;

/**
 * The browser harness's transport: calls and events over one WebSocket to the harness
 * (socket-channel.ts), the way the preload carries them over Electron IPC. A call sent
 * while the socket is (re)connecting waits for it; a call whose socket closes before its
 * answer gets "not reachable" (main may or may not have run it, as with a dropped HTTP
 * request). The socket reconnects by itself, as an EventSource would, and says so
 * (onReconnect): the page then loads its state again.
 */
export function createSocketTransport(origin: string, token: string): Transport {
  const url = `${origin.replace(/^http/, 'ws')}${SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  const known = new Set<string>(EVENT_NAMES);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const waiting: string[] = [];
  const reconnected = new Set<() => void>();
  let nextId = 1;
  let failures = 0;
  let openedBefore = false;
  let ws: WebSocket;

  const connect = () => {
    ws = new WebSocket(url);
    ws.onopen = () => {
      failures = 0;
      for (const text of waiting.splice(0)) ws.send(text);
      // Back after a drop: whatever main sent meanwhile was lost, so the page loads again.
      if (openedBefore) for (const l of reconnected) l();
      openedBefore = true;
    };
    ws.onmessage = (ev) => {
      const frame = JSON.parse(String(ev.data)) as ServerFrame;
      if ('event' in frame) {
        if (!known.has(frame.event)) return;
        for (const l of listeners.get(frame.event as EventName) ?? []) l(frame.payload);
        return;
      }
      if (frame.id === null) return;
      const settle = pending.get(frame.id);
      pending.delete(frame.id);
      settle?.(frame.envelope);
    };
    ws.onclose = () => {
      for (const settle of pending.values()) settle(UNREACHABLE);
      pending.clear();
      waiting.length = 0;
      const delay = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)];
      failures += 1;
      setTimeout(connect, delay);
    };
  };
  connect();

  const calls = {} as Record<string, (input: unknown) => Promise<Envelope<unknown>>>;
  for (const name of CALL_NAMES) {
    calls[name] = (input: unknown) =>
      new Promise<Envelope<unknown>>((resolve) => {
        const frame: CallFrame = { id: nextId++, call: name, input: input ?? {} };
        const text = JSON.stringify(frame);
        if (tooLarge(text)) return resolve(TOO_LARGE);
        pending.set(frame.id, resolve);
        if (ws.readyState === WebSocket.OPEN) ws.send(text);
        else waiting.push(text);
      });
  }

  return {
    calls: calls as unknown as TransportCalls,
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onReconnect(listener: () => void) {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
  };
}
