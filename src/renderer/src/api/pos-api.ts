import {
  CALL_NAMES,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type Events,
  type Transport,
} from '@shared/contract/api';
import { PosError } from '@shared/errors';

/**
 * The renderer's one API: typed functions that resolve with the value or reject with a
 * PosError. Built over either transport (Electron's preload, or the browser harness), so
 * nothing in the UI knows which shell it runs in.
 */
export type PosApi = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** After the link to main was down and is back (never under Electron): load state again. */
  onReconnect(listener: () => void): () => void;
};

export function createPosApi(transport: Transport): PosApi {
  const api = {} as Record<string, unknown>;
  for (const name of CALL_NAMES) {
    api[name] = async (input: unknown) => {
      const call = transport.calls[name] as (i: unknown) => Promise<{
        ok: boolean;
        value?: unknown;
        error?: { code: never; message: string; issues?: { path: string; message: string }[] };
      }>;
      const envelope = await call(input ?? {});
      if (envelope.ok) return envelope.value;
      const e = envelope.error!;
      throw new PosError(e.code, e.message, e.issues);
    };
  }
  api.on = transport.on.bind(transport);
  api.onReconnect = (listener: () => void) => transport.onReconnect?.(listener) ?? (() => undefined);
  return api as PosApi;
}

/**
 * Runs `load` now, and again whenever the link to main is back after a drop (the events sent
 * meanwhile were lost). Returns the unsubscribe.
 */
export function loadAndReload(api: PosApi, load: () => void): () => void {
  load();
  return api.onReconnect(load);
}

/** One unsubscribe for several. */
export const offAll = (offs: readonly (() => void)[]) => (): void => offs.forEach((off) => off());

let current: PosApi | null = null;

/** Tests and the harness bootstrap inject their API; the app picks one at start. */
export function setPosApi(api: PosApi): void {
  current = api;
}

export function getPosApi(): PosApi {
  if (!current) throw new Error('PosApi not initialised: call setPosApi() at start');
  return current;
}
