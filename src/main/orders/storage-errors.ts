import type { StorageHealth, StorageProblem } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { OrderStore } from './order-store';

const MESSAGES: Record<StorageProblem, string> = {
  disk_full: 'The disk is full: the sales journal could not be written. Nothing was changed.',
  read_only: 'The sales journal cannot be written (the file, folder or disk is read-only). Nothing was changed.',
  storage_io: 'The disk failed to read or write the sales journal. Nothing was changed.',
  storage_corrupt: 'The sales journal is damaged. Nothing was changed.',
};

/** What an SQLite error (better-sqlite3 puts SQLite's extended code in `code`) means for the shop. */
export function storageProblemOf(err: unknown): StorageProblem | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'read_only';
  if (code.startsWith('SQLITE_IOERR')) return 'storage_io';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'storage_corrupt';
  return null;
}

/** The one mapping at the journal boundary: a storage failure becomes a typed PosError; anything else passes. */
export function toStorageError(err: unknown): unknown {
  const problem = storageProblemOf(err);
  return problem ? new PosError(problem, MESSAGES[problem]) : err;
}

/** Calls that write: one that succeeds proves the journal can be written again. */
const WRITES: ReadonlySet<keyof OrderStore> = new Set<keyof OrderStore>([
  'create',
  'transition',
  'recordFacts',
  'openSale',
  'noteCreateAttempt',
  'nextSequence',
  'allocateOrderId',
  'saveReconcile',
]);

/**
 * The store as the rest of main sees it: every SQLite storage failure arrives as a typed
 * PosError, and `onHealth` hears when the journal stops being writable and when a write
 * succeeds again (the cashier window shows a banner meanwhile).
 */
export function guardStorage(
  inner: OrderStore,
  onHealth: (health: StorageHealth) => void = () => undefined,
): OrderStore {
  let health: StorageHealth = { problem: null, since: null };
  const report = (problem: StorageProblem | null) => {
    if (problem === health.problem) return;
    health = { problem, since: problem ? new Date().toISOString() : null };
    onHealth(health);
  };
  const failed = (err: unknown): unknown => {
    const mapped = toStorageError(err);
    if (mapped instanceof PosError && mapped !== err) report(mapped.code as StorageProblem);
    return mapped;
  };
  function* guardedIterator(it: IterableIterator<unknown>): IterableIterator<unknown> {
    try {
      yield* it;
    } catch (err) {
      throw failed(err);
    }
  }
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (err) {
          throw failed(err);
        }
        if (WRITES.has(prop as keyof OrderStore)) report(null);
        return prop === 'iterate' ? guardedIterator(result as IterableIterator<unknown>) : result;
      };
    },
  });
}
