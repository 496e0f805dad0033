import { create } from 'zustand';
import type { PaymentMethod } from '@shared/methods';
import { pressKey, type KeypadKey } from '../lib/keypad';

/** Pure UI state of the keypad screen: what the cashier typed and picked, nothing else. */
export interface KeypadState {
  digits: string;
  method: PaymentMethod | null;
  note: string;
  /**
   * A charge for the amount on the keypad is on its way: the digits it was made for stay as
   * they are until main answers, whatever key the cashier presses meanwhile.
   */
  charging: boolean;
  press(key: KeypadKey): void;
  setCharging(charging: boolean): void;
  setMethod(m: PaymentMethod): void;
  setNote(n: string): void;
  reset(): void;
  /** Back to the keypad with a sale's amount and note, to charge it again another way. */
  restore(amount: number, note: string): void;
}

export const useKeypad = create<KeypadState>((set) => ({
  digits: '',
  method: null,
  note: '',
  charging: false,
  press: (key) => set((s) => (s.charging ? s : { digits: pressKey(s.digits, key) })),
  setCharging: (charging) => set({ charging }),
  setMethod: (method) => set({ method }),
  setNote: (note) => set({ note: note.slice(0, 200) }),
  reset: () => set({ digits: '', note: '', method: null }),
  restore: (amount, note) => set({ digits: amount > 0 ? String(amount) : '', note: note.slice(0, 200), method: null }),
}));
