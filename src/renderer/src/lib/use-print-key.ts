import { useEffect, useRef } from 'react';

/**
 * Ctrl+P (Cmd+P) runs `print` instead of the browser's own page print: on a report screen
 * the cashier means the receipt printer. The latest `print` is used, so the listener is
 * installed once.
 */
export function usePrintKey(print: () => void): void {
  const latest = useRef(print);
  latest.current = print;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
