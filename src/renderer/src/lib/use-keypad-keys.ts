import { useEffect } from 'react';
import { keyFromKeyboard, type KeypadKey } from './keypad';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

export interface KeypadKeys {
  /** A dialog (the method question, the cash panel) has the keyboard. */
  paused: boolean;
  /** F2: open Tunai. */
  onCash: () => void;
  /** Enter: charge. */
  onCharge: () => void;
  /** A digit, Backspace, Delete or Escape. */
  onKey: (k: KeypadKey) => void;
}

/** The keypad screen's keyboard: digits type, Enter charges, F2 opens Tunai. */
export function useKeypadKeys({ paused, onCash, onCharge, onKey }: KeypadKeys): void {
  useEffect(() => {
    const onKeyDown = (ev: KeyboardEvent) => {
      if (paused) return;
      if (ev.key === 'F2') {
        ev.preventDefault();
        onCash();
        return;
      }
      if (ev.key === 'Enter') {
        // Enter on a focused button is that button's own click.
        if (ev.target instanceof HTMLButtonElement) return;
        ev.preventDefault();
        onCharge();
        return;
      }
      if (isTyping(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const k = keyFromKeyboard(ev.key);
      if (k) {
        ev.preventDefault();
        onKey(k);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [paused, onCash, onCharge, onKey]);
}
