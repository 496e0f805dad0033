import type { PoolClient } from 'pg';

/** A column of a bulk insert: its name, its PostgreSQL array type, and how each row gives its value. */
export interface Column<R> {
  name: string;
  type: string;
  value: (row: R) => unknown;
}

/**
 * Inserts many rows of one till in one statement (`unnest` of one array per column), so a
 * push of a thousand entries costs one round trip per kind, not a thousand. `onConflict` is
 * the statement's ON CONFLICT clause: DO NOTHING for entries that are facts.
 */
export async function insertRows<R>(
  client: PoolClient,
  table: string,
  tillId: string,
  columns: Column<R>[],
  rows: readonly R[],
  onConflict: string,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ');
  await client.query(
    `INSERT INTO ${table} (till_id, ${names}) SELECT $1::uuid, * FROM unnest(${arrays}) ${onConflict}`,
    [tillId, ...columns.map((c) => rows.map((r) => c.value(r)))],
  );
}
