import { create } from 'zustand';
import { sharedAsk } from '../lib/owner-gate';
import { useCounter } from './counter-store';

/**
 * The owner's PIN pad asked for by an owner-only call that main refused on a locked till
 * (see lib/owner-gate.ts). The host component shows the pad while `asking` is set and
 * answers through `settle`.
 */
export interface OwnerGateState {
  asking: boolean;
  settle(unlocked: boolean): void;
}

let resolver: ((unlocked: boolean) => void) | null = null;

export const useOwnerGate = create<OwnerGateState>((set) => ({
  asking: false,
  settle: (unlocked) => {
    const r = resolver;
    resolver = null;
    set({ asking: false });
    r?.(unlocked);
  },
}));

/** Opens the pad and waits for it; with no owner PIN set there is nothing to enter. */
export const askOwnerPin = sharedAsk(() => {
  if (useCounter.getState().access?.ownerPinSet === false) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    resolver = resolve;
    useOwnerGate.setState({ asking: true });
  });
});
