import pg from 'pg';

/**
 * A pool on the shop schema. `pg` reads PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD
 * itself when no connection string is given; bigint columns come back as JS numbers, since
 * every amount and sequence here stays far below 2^53.
 */
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} is outside the safe integer range`);
  return n;
});

export function createPool(connectionString: string | undefined, max = 10): pg.Pool {
  return new pg.Pool({
    ...(connectionString ? { connectionString } : {}),
    max,
    options: '-c search_path=shop',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
}
