import { escapeIdentifier } from 'pg';

/**
 * What the app role (the one the server runs as) may do, table by table. Applied by the
 * migration role after every migration run, so a new table is never reachable by accident:
 * it is reachable only once it is listed here. No DDL anywhere, and no UPDATE or DELETE on
 * events: what a till pushed stays as it was received.
 */
export const APP_GRANTS: readonly { table: string; privileges: string }[] = [
  { table: 'shop.schema_migrations', privileges: 'SELECT' },
  { table: 'shop.tills', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.pairing_codes', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.till_prefixes', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.events', privileges: 'SELECT, INSERT' },
  { table: 'shop.orders', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.webhook_receipts', privileges: 'SELECT, INSERT' },
  { table: 'shop.payment_notices', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.owner_password', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.owner_sessions', privileges: 'SELECT, INSERT, DELETE' },
  // The counter's projections: entries are facts, so insert-only; staff is the one row per
  // person the till's newest entry replaces (a rename, switched off).
  { table: 'shop.counter_sales', privileges: 'SELECT, INSERT' },
  { table: 'shop.refunds', privileges: 'SELECT, INSERT' },
  { table: 'shop.shifts', privileges: 'SELECT, INSERT' },
  { table: 'shop.shift_events', privileges: 'SELECT, INSERT' },
  { table: 'shop.shift_closes', privileges: 'SELECT, INSERT' },
  { table: 'shop.staff', privileges: 'SELECT, INSERT, UPDATE' },
  { table: 'shop.staff_actions', privileges: 'SELECT, INSERT' },
  { table: 'shop.day_closes', privileges: 'SELECT, INSERT' },
];

export const APP_SEQUENCES: readonly string[] = ['shop.webhook_receipts_id_seq', 'shop.payment_notices_id_seq'];

export function grantStatements(appRole: string): string[] {
  const role = escapeIdentifier(appRole);
  return [
    'REVOKE ALL ON SCHEMA shop FROM PUBLIC',
    `GRANT USAGE ON SCHEMA shop TO ${role}`,
    ...APP_GRANTS.map((g) => `GRANT ${g.privileges} ON ${g.table} TO ${role}`),
    ...APP_SEQUENCES.map((s) => `GRANT USAGE ON SEQUENCE ${s} TO ${role}`),
  ];
}

/**
 * One-time setup with an administrator connection: the owner role (owns the database and
 * the schema, runs migrations) and the app role (logs in, owns nothing). PUBLIC loses the
 * right to create objects in the database, so the app role cannot create any either.
 */
export function setupStatements(opts: {
  database: string;
  ownerRole: string;
  ownerPassword: string | null;
  appRole: string;
  appPassword: string | null;
}): { roles: string[]; database: string[]; inDatabase: string[] } {
  const owner = escapeIdentifier(opts.ownerRole);
  const app = escapeIdentifier(opts.appRole);
  const db = escapeIdentifier(opts.database);
  const password = (p: string | null) => (p === null ? '' : ` PASSWORD ${quoteLiteral(p)}`);
  return {
    roles: [
      `CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${password(opts.ownerPassword)}`,
      `CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT${password(opts.appPassword)}`,
    ],
    database: [`CREATE DATABASE ${db} OWNER ${owner} ENCODING 'UTF8' TEMPLATE template0`],
    inDatabase: [
      `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
      `GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${owner}`,
      `GRANT CONNECT ON DATABASE ${db} TO ${app}`,
      'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    ],
  };
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
