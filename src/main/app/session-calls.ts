import type { Handlers } from '../api/dispatch';
import type { JournalKeeper } from './journal-keeper';

/**
 * Calls answered by the open journal session: each looks the session up when it runs, so a
 * journal reopened after a repair serves the next call (and a closed one refuses it).
 */
export function forwardCalls<N extends keyof Handlers>(
  names: readonly N[],
  target: () => Pick<Handlers, N>,
): Pick<Handlers, N> {
  return Object.fromEntries(
    names.map((name) => [name, (input: never) => (target()[name] as (i: never) => unknown)(input)]),
  ) as Pick<Handlers, N>;
}

/**
 * The calls that sell at the counter. Every sale goes through the counter, so its cashier and
 * shift are recorded; a cart paid by any method keeps its lines and is emptied once the sale
 * is journaled.
 */
export function counterSaleCalls(keeper: JournalKeeper): Pick<Handlers, 'charge' | 'sellCash' | 'chargeSplit'> {
  return {
    charge: async ({ items, ...input }) => {
      keeper.notPaused();
      const session = keeper.need();
      const lines = items ? session.items.linesFor(items, input.amount) : null;
      const order = await session.counter.counter.charge({ ...input, lines });
      session.items.clearCart();
      return order;
    },
    sellCash: ({ items, ...input }) => {
      const session = keeper.need();
      const lines = items ? session.items.linesFor(items, input.amount) : null;
      const result = session.counter.counter.sellCash({ ...input, lines });
      session.items.clearCart();
      return result;
    },
    chargeSplit: async ({ items, ...input }) => {
      const session = keeper.need();
      const lines = items ? session.items.linesFor(items, input.amount) : null;
      const order = await session.counter.counter.chargeSplit({ ...input, lines });
      session.items.clearCart();
      return order;
    },
  };
}
