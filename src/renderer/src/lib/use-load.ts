import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShownError } from './errors';
import { useAction } from './use-action';

export interface Loaded<T, E> {
  /** The answer for the current key; null while it is read, and after a read that failed. */
  value: T | null;
  busy: boolean;
  error: E | null;
  /** Reads again now (after a change this screen made itself). */
  reload: () => void;
  /**
   * Shows what a call of this screen already answered for the current key (a refund answers
   * the sale, a day close its report), instead of reading it again; a read still on its way
   * is dropped, since it may predate the change.
   */
  show: (value: T) => void;
}

export interface LoadOptions<T, E> {
  /** Words a failure; main's refusals by default. */
  describe?: (err: unknown) => E;
  /** Something changed that the answer may reflect (a sale, say): read again, keeping what is shown meanwhile. */
  revision?: number | string;
  /** An answer a call already gave (closing a shift answers its report): shown at once, then read again. */
  initial?: { key: string; value: T } | null;
}

/**
 * What a screen shows read from a call, for `key` (what it is read for, as one string: a day,
 * a till). A value is only ever shown under the key it was read for: while another day is read
 * nothing is shown, and an answer for the previous day arriving late is dropped, so the heading
 * and the figures never disagree. A failed read clears the figures rather than leave older ones.
 */
export function useLoad<T, E = ShownError>(
  read: () => Promise<T>,
  key: string,
  { describe, revision = 0, initial = null }: LoadOptions<T, E> = {},
): Loaded<T, E> {
  const [loaded, setLoaded] = useState<{ key: string; value: T } | null>(initial);
  const seq = useRef(0);
  const latest = useRef({ read, key });
  latest.current = { read, key };
  const action = useAction(async () => {
    const mine = ++seq.current;
    const forKey = latest.current.key;
    try {
      const value = await latest.current.read();
      if (mine === seq.current) setLoaded({ key: forKey, value });
    } catch (err) {
      if (mine !== seq.current) return;
      setLoaded(null);
      throw err;
    }
  }, describe);
  const { run } = action;
  const reload = useCallback(() => void run(), [run]);
  useEffect(() => reload(), [key, revision, reload]);
  const show = useCallback((value: T) => {
    seq.current += 1;
    setLoaded({ key: latest.current.key, value });
  }, []);
  return { value: loaded?.key === key ? loaded.value : null, busy: action.busy, error: action.error, reload, show };
}
