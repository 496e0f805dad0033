import {
  CALL_NAMES,
  EVENT_NAMES,
  type EventName,
  type Events,
  type Transport,
  type TransportCalls,
} from '@shared/contract/api';
import type { Envelope } from '@shared/errors';

/**
 * The browser harness's transport: each call is `POST /api/call/{name}` with the JSON input,
 * answered by the same envelope the preload returns; events arrive over Server-Sent Events
 * at `/api/events`. The per-run token travels in a header (calls) and the query (events,
 * since EventSource cannot set headers).
 */
export function createHttpTransport(baseUrl: string, token: string): Transport {
  const calls = {} as Record<string, (input: unknown) => Promise<Envelope<unknown>>>;
  for (const name of CALL_NAMES) {
    calls[name] = async (input: unknown) => {
      try {
        const res = await fetch(`${baseUrl}/api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pos-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The app service is not reachable.' } };
      }
    };
  }

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const source = new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (ev) => {
      const payload = JSON.parse((ev as MessageEvent<string>).data) as unknown;
      for (const l of listeners.get(name) ?? []) l(payload);
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
  };
}
