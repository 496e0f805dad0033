import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { openOrderStore } from '../../../src/main/orders/journal';
import { applyMigrations, migrationHash } from '../../../src/main/orders/migrate';
import { MIGRATIONS } from '../../../src/main/orders/migrations';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const sale = {
  amount: 22_000,
  method: 'qris' as const,
  note: '',
  terminal: 'KSR1',
  apiVersion: 'v2' as const,
  sandbox: false,
  project: 'toko',
};

function recorded(file: string): { version: number; sha256: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, sha256 FROM schema_migrations ORDER BY version').all() as {
      version: number;
      sha256: string;
    }[];
  } finally {
    db.close();
  }
}

/** A journal as the first release left it: only migration 1, with `count` sales. */
function makeV1Journal(file: string, count: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, file, MIGRATIONS.slice(0, 1), () => new Date());
  const insert = db.prepare(
    `INSERT INTO orders (order_id, state, method, amount, note, terminal, api_version, sandbox, project, created_at, updated_at)
     VALUES (?, 'creating', 'qris', 22000, ?, 'KSR1', 'v2', 0, 'toko', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  for (let i = 0; i < count; i += 1) insert.run(`KSR1-OLD-${i}`, `note ${'x'.repeat(100)} ${i}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function catchError(fn: () => unknown): PosError {
  try {
    fn();
  } catch (err) {
    return err as PosError;
  }
  throw new Error('expected an error');
}

describe('migrations', () => {
  it('applies every migration once and records its hash', () => {
    const file = join(tempDir(), 'orders.db');
    openOrderStore({ file }).close();
    const first = recorded(file);
    expect(first.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(first.map((r) => r.sha256)).toEqual(MIGRATIONS.map((m) => migrationHash(m.sql)));
    // A second open applies nothing and makes no backup.
    const store = openOrderStore({ file });
    store.create({ ...sale, orderId: 'KSR1-A-1' });
    store.close();
    openOrderStore({ file }).close();
    expect(recorded(file)).toEqual(first);
    expect(readdirSync(join(file, '..')).filter((n) => n.includes('.bak-'))).toEqual([]);
  });

  it('refuses to open a journal whose applied migration was edited afterwards', () => {
    const file = join(tempDir(), 'orders.db');
    openOrderStore({ file }).close();
    const edited = MIGRATIONS.map((m) =>
      m.version === 1 ? { ...m, sql: `${m.sql}\nCREATE INDEX extra ON orders(note);` } : m,
    );
    const err = catchError(() => openOrderStore({ file, migrations: edited }));
    expect(err).toBeInstanceOf(PosError);
    expect(err.code).toBe('database');
    expect(err.message).toMatch(/Migration 1 "orders" was changed/);
    // Nothing was applied by the refused open.
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a journal written by a newer app version', () => {
    const file = join(tempDir(), 'orders.db');
    openOrderStore({ file }).close();
    const err = catchError(() => openOrderStore({ file, migrations: MIGRATIONS.slice(0, 1) }));
    expect(err.code).toBe('database');
    expect(err.message).toMatch(/newer version/);
  });

  it('backs up an existing journal with its data before applying a new migration', () => {
    const dir = tempDir();
    const file = join(dir, 'orders.db');
    makeV1Journal(file, 1);

    const at = new Date('2026-11-25T07:44:02.123Z');
    openOrderStore({ file, now: () => at }).close();
    const backups = readdirSync(dir).filter((n) => n.startsWith('orders.db.bak-'));
    expect(backups).toEqual(['orders.db.bak-v1-2026-11-25T07-44-02-123Z']);
    // Owner-only, like the journal it copies.
    if (process.platform !== 'win32') expect(statSync(join(dir, backups[0]!)).mode & 0o777).toBe(0o600);
    const copy = new Database(join(dir, backups[0]!), { readonly: true });
    expect(copy.prepare('SELECT order_id FROM orders').all()).toEqual([{ order_id: 'KSR1-OLD-0' }]);
    expect(copy.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
    copy.close();
    expect(recorded(file).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('makes no backup when creating a new journal', () => {
    const dir = tempDir();
    openOrderStore({ file: join(dir, 'orders.db') }).close();
    expect(readdirSync(dir).filter((n) => n.includes('.bak-'))).toEqual([]);
  });
});

describe('STRICT tables', () => {
  it('refuse a value of the wrong type in a money column', () => {
    const file = join(tempDir(), 'orders.db');
    openOrderStore({ file }).close();
    const db = new Database(file);
    const insert = db.prepare(
      `INSERT INTO orders (order_id, state, method, amount, terminal, api_version, sandbox, project, created_at, updated_at)
       VALUES (?, 'creating', 'qris', ?, 'KSR1', 'v2', 0, 'toko', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    expect(() => insert.run('KSR1-BAD-1', 'dua puluh ribu')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insert.run('KSR1-BAD-2', 1500.5)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => insert.run('KSR1-BAD-3', -5)).toThrow(/CHECK constraint failed/);
    insert.run('KSR1-OK-1', 1500);
    expect(db.prepare('SELECT amount FROM orders').all()).toEqual([{ amount: 1500 }]);
    db.close();
  });
});
