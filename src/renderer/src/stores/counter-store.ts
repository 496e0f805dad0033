import { create } from 'zustand';
import type { AccessView, CounterView } from '@shared/counter';
import { loadAndReload, offAll, type PosApi } from '../api/pos-api';

/**
 * The counter and who may do what, mirrored from main for the header and the shift screen.
 * Main raises seq on every change; the newer of an answer and an event is kept, so a slow
 * answer never puts an older drawer or lock back on screen.
 */
export interface CounterState {
  counter: CounterView | null;
  access: AccessView | null;
  setCounter(c: CounterView): void;
  setAccess(a: AccessView): void;
}

export const useCounter = create<CounterState>((set) => ({
  counter: null,
  access: null,
  setCounter: (c) => set((s) => (s.counter && s.counter.seq > c.seq ? s : { counter: c })),
  setAccess: (a) => set((s) => (s.access && s.access.seq > a.seq ? s : { access: a })),
}));

export function refreshCounter(api: PosApi): void {
  const s = useCounter.getState();
  void api.getCounter({}).then(s.setCounter, () => undefined);
  void api.getAccess({}).then(s.setAccess, () => undefined);
}

export function connectCounterStore(api: PosApi): () => void {
  const offs = [
    api.on('counterChanged', (v) => useCounter.getState().setCounter(v)),
    api.on('accessChanged', (v) => useCounter.getState().setAccess(v)),
  ];
  offs.push(loadAndReload(api, () => refreshCounter(api)));
  return offAll(offs);
}
