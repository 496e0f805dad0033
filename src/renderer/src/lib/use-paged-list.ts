import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<R> {
  items: R[];
  nextCursor: string | null;
  total: number;
  /** The total stopped counting at a cap: the list holds at least `total`. */
  totalCapped?: boolean;
}

export interface PagedList<R, E> {
  items: R[];
  total: number;
  capped: boolean;
  error: E | null;
  /** Loads the next page onto the list; null when there is none. */
  more: (() => void) | null;
}

/**
 * A history list read a page at a time: the first page again whenever the filter (or
 * `revision`, a sale changed somewhere) changes, the next page appended on "more".
 */
export function usePagedList<F, R, E>(
  filter: F,
  fetchPage: (filter: F, cursor: string | null) => Promise<Page<R>>,
  describe: (err: unknown) => E,
  revision = 0,
): PagedList<R, E> {
  const [items, setItems] = useState<R[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [count, setCount] = useState({ total: 0, capped: false });
  const [error, setError] = useState<E | null>(null);
  // The latest reader and wording, so `load` stays the same function across renders.
  const latest = useRef({ fetchPage, describe });
  latest.current = { fetchPage, describe };

  const load = useCallback(async (f: F, after: string | null) => {
    setError(null);
    try {
      const page = await latest.current.fetchPage(f, after);
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setCount({ total: page.total, capped: page.totalCapped === true });
    } catch (e) {
      setError(latest.current.describe(e));
    }
  }, []);

  useEffect(() => {
    void load(filter, null);
  }, [filter, revision, load]);

  return {
    items,
    total: count.total,
    capped: count.capped,
    error,
    more: cursor ? () => void load(filter, cursor) : null,
  };
}
