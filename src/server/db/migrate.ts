import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { grantStatements } from './grants';
import { LATEST_SERVER_VERSION, SERVER_MIGRATIONS, type ServerMigration } from './migrations';

export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export class MigrationError extends Error {}

/** An arbitrary fixed key: two servers starting at once migrate one after the other. */
const MIGRATION_LOCK = 7_170_017;

interface Recorded {
  version: number;
  name: string;
  sha256: string;
}

/**
 * Applies pending migrations in one transaction, as the owner role, then (re)grants the app
 * role exactly what APP_GRANTS lists. Refuses a database that a newer server migrated, or
 * whose recorded hash of a migration differs from this code's (released migrations are
 * never edited).
 */
export async function migrate(
  pool: Pool,
  opts: { appRole: string; migrations?: readonly ServerMigration[]; now?: () => Date },
): Promise<{ from: number; to: number; applied: number[] }> {
  const migrations = opts.migrations ?? SERVER_MIGRATIONS;
  const now = opts.now ?? (() => new Date());
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS shop');
    await client.query(`CREATE TABLE IF NOT EXISTS shop.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      sha256 text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
    const recorded = await readRecorded(client);
    checkRecorded(recorded, migrations);
    const current = recorded.reduce((max, r) => Math.max(max, r.version), 0);
    const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    for (const m of pending) {
      await client.query(m.sql);
      await client.query(
        'INSERT INTO shop.schema_migrations (version, name, sha256, applied_at) VALUES ($1,$2,$3,$4)',
        [m.version, m.name, migrationHash(m.sql), now()],
      );
    }
    for (const statement of grantStatements(opts.appRole)) await client.query(statement);
    await client.query('COMMIT');
    const to = pending.length > 0 ? pending[pending.length - 1]!.version : current;
    return { from: current, to, applied: pending.map((m) => m.version) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * At server start, as the app role: the database must be at exactly this code's version
 * with the same hashes, or the server refuses to serve (it never migrates as the app role).
 */
export async function checkSchema(
  pool: Pool,
  migrations: readonly ServerMigration[] = SERVER_MIGRATIONS,
): Promise<void> {
  const client = await pool.connect();
  try {
    let recorded: Recorded[];
    try {
      recorded = await readRecorded(client);
    } catch {
      throw new MigrationError(
        'The database has no shop schema yet (or this role may not read it). Run `npm run server -- migrate` with the owner role first.',
      );
    }
    checkRecorded(recorded, migrations);
    const current = recorded.reduce((max, r) => Math.max(max, r.version), 0);
    const latest = migrations === SERVER_MIGRATIONS ? LATEST_SERVER_VERSION : (migrations.at(-1)?.version ?? 0);
    if (current < latest)
      throw new MigrationError(
        `The database is at version ${current}, this server needs ${latest}. Run \`npm run server -- migrate\` with the owner role.`,
      );
  } finally {
    client.release();
  }
}

async function readRecorded(client: PoolClient): Promise<Recorded[]> {
  const r = await client.query<Recorded>('SELECT version, name, sha256 FROM shop.schema_migrations ORDER BY version');
  return r.rows;
}

function checkRecorded(recorded: Recorded[], migrations: readonly ServerMigration[]): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of recorded) {
    const m = known.get(row.version);
    if (!m)
      throw new MigrationError(
        `The database was migrated by a newer server (migration ${row.version} "${row.name}" is unknown here). Update the server.`,
      );
    if (migrationHash(m.sql) !== row.sha256)
      throw new MigrationError(
        `Migration ${row.version} "${row.name}" was changed after it was applied. Released migrations must never be edited.`,
      );
  }
}
