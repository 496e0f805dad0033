import { sql as shop } from './001-shop';
import { sql as ownerSignIn } from './002-owner-sign-in';
import { sql as counter } from './003-counter';

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered migrations, applied in order and never edited once released: the runner keeps a
 * hash of each in schema_migrations and refuses a database whose recorded hash differs,
 * exactly like the till's journal.
 */
export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  { version: 1, name: 'shop', sql: shop },
  { version: 2, name: 'owner-sign-in', sql: ownerSignIn },
  { version: 3, name: 'counter', sql: counter },
];

export const LATEST_SERVER_VERSION = SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1]!.version;
