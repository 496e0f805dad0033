import { useEffect } from 'react';
import { keyFromKeyboard, type KeypadKey } from './keypad';

/** The cash panel's keyboard: digits type the tendered sum, Enter takes the cash, Escape goes back. */
export function useCashKeys({
  onBack,
  onPay,
  onKey,
}: {
  onBack: () => void;
  onPay: () => void;
  onKey: (k: KeypadKey) => void;
}): void {
  useEffect(() => {
    const onKeyDown = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === 'Escape') {
        ev.preventDefault();
        onBack();
      } else if (ev.key === 'Enter') {
        // Enter on a focused button is that button's own click.
        if (ev.target instanceof HTMLButtonElement) return;
        ev.preventDefault();
        onPay();
      } else {
        const k = keyFromKeyboard(ev.key);
        if (!k) return;
        ev.preventDefault();
        onKey(k);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onBack, onPay, onKey]);
}
