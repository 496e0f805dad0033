import { useEffect, useRef } from 'react';
import type { ItemView } from '@shared/items';
import { useItems } from '../stores/items-store';
import { useKeypad } from '../stores/keypad-store';
import { keysClaimed } from './key-claim';
import { ScanDetector } from './scanner';

/** The counter's monotonic clock; tests of the detector pass their own times instead. */
const monotonic = (): number => performance.now();

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

export interface CounterKeysOptions {
  items: readonly ItemView[];
  /** The search box's text now, and a way to put it back after a scan typed into it. */
  search: { current: string; set(value: string): void };
  onScan(result: { code: string; item: ItemView | null }): void;
  /** F2 or / : to the search box. */
  focusSearch(): void;
  clock?: () => number;
}

/**
 * Keys for a shop with quick items, seen before the keypad's own (capture phase):
 * - a barcode scanner's burst (see scanner.ts) adds its item; whatever the burst typed into
 *   the amount or the search box is put back, and its Enter never charges;
 * - with a cart, the amount is the cart's: digits do nothing, + and - change the selected
 *   line, arrow keys move the selection, Delete removes the line.
 * A shop without items never installs this: its keypad stays exactly as it was.
 */
export function useCounterKeys(options: CounterKeysOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const detector = new ScanDetector();
    let restore: { digits: string; search: string } | null = null;
    const onKey = (ev: KeyboardEvent) => {
      if (keysClaimed()) return;
      const { items, search, onScan, focusSearch, clock = monotonic } = latest.current;
      if (ev.ctrlKey || ev.metaKey || ev.altKey) {
        detector.reset();
        return;
      }
      const at = clock();
      if (ev.key === 'Enter') {
        const verdict = detector.enter(at);
        if (!verdict.scan) return;
        ev.preventDefault();
        ev.stopImmediatePropagation();
        if (restore) {
          useKeypad.setState({ digits: restore.digits });
          search.set(restore.search);
        }
        const item = items.find((i) => i.barcode === verdict.code) ?? null;
        if (item) useItems.getState().add(item.itemId);
        onScan({ code: verdict.code, item });
        return;
      }
      if ((ev.key === 'F2' || ev.key === '/') && !isTyping(ev.target)) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        focusSearch();
        return;
      }
      if (detector.key(ev.key, at) === 'start')
        restore = { digits: useKeypad.getState().digits, search: search.current };

      const cart = useItems.getState();
      if (cart.entries.length === 0 || isTyping(ev.target)) return;
      const handled = (fn: () => void) => {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        fn();
      };
      if (/^[0-9]$/.test(ev.key) || ev.key === 'Backspace') handled(() => undefined);
      else if (ev.key === '+' || ev.key === '=') handled(() => cart.change(cart.selected, +1));
      else if (ev.key === '-') handled(() => cart.change(cart.selected, -1));
      else if (ev.key === 'ArrowUp') handled(() => cart.select(cart.selected - 1));
      else if (ev.key === 'ArrowDown') handled(() => cart.select(cart.selected + 1));
      else if (ev.key === 'Delete') handled(() => cart.remove(cart.selected));
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
