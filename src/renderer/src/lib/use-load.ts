import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShownError } from './errors';
import { useAction } from './use-action';

export interface Loaded<T, E> {
  /** The latest answer; null before the first one and after a read that failed. */
  value: T | null;
  busy: boolean;
  error: E | null;
  /** Reads again now (after a change this screen made itself). */
  reload: () => void;
}

/**
 * What a screen shows read from a call, read again whenever `key` (the inputs it depends on,
 * as one string: a day, a till, a revision) changes. Only the newest read may fill the screen:
 * an answer for the previous day arriving late is dropped, so the heading and the figures
 * never disagree. A failed read clears the figures rather than leave an older day's on screen.
 */
export function useLoad<T, E = ShownError>(
  read: () => Promise<T>,
  key: string,
  describe?: (err: unknown) => E,
): Loaded<T, E> {
  const [value, setValue] = useState<T | null>(null);
  const seq = useRef(0);
  const latest = useRef(read);
  latest.current = read;
  const action = useAction(async () => {
    const mine = ++seq.current;
    try {
      const next = await latest.current();
      if (mine === seq.current) setValue(next);
    } catch (err) {
      if (mine !== seq.current) return;
      setValue(null);
      throw err;
    }
  }, describe);
  const { run } = action;
  const reload = useCallback(() => void run(), [run]);
  useEffect(() => reload(), [key, reload]);
  return { value, busy: action.busy, error: action.error, reload };
}
