import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '../../src/server/db/migrate';
import { SERVER_MIGRATIONS } from '../../src/server/db/migrations';
import { createPool } from '../../src/server/db/pool';
import { startPostgres, type ShopDatabase, type TestPostgres } from '../../testkit/postgres';

let pgs: TestPostgres;
let db: ShopDatabase;
beforeAll(async () => {
  pgs = await startPostgres();
  db = await pgs.createShopDatabase('roles_shop');
});
afterAll(async () => {
  await pgs?.stop();
});

describe('least privilege', () => {
  it('the app role reads and appends events, and can neither change nor delete them', async () => {
    const app = createPool(db.appUrl, 1);
    try {
      expect((await app.query('SELECT count(*)::int AS n FROM shop.events')).rows[0].n).toBe(0);
      await expect(app.query('DELETE FROM shop.events')).rejects.toThrow(/permission denied/);
      await expect(app.query("UPDATE shop.events SET kind = 'x'")).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM shop.orders')).rejects.toThrow(/permission denied/);
      await expect(app.query('TRUNCATE shop.events')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('the app role runs no DDL, in the shop schema or anywhere', async () => {
    const app = createPool(db.appUrl, 1);
    try {
      await expect(app.query('CREATE TABLE shop.x (a int)')).rejects.toThrow(/permission denied/);
      await expect(app.query('CREATE TABLE public.x (a int)')).rejects.toThrow(/permission denied/);
      await expect(app.query('ALTER TABLE shop.events ADD COLUMN x int')).rejects.toThrow(/must be owner/);
      await expect(app.query('DROP TABLE shop.orders')).rejects.toThrow(/must be owner/);
      await expect(migrate(app, { appRole: db.appRole })).rejects.toThrow();
    } finally {
      await app.end();
    }
  });
});

describe('migrations', () => {
  it('are recorded with their hash, and re-running applies nothing', async () => {
    const owner = createPool(db.ownerUrl, 1);
    try {
      const again = await migrate(owner, { appRole: db.appRole });
      expect(again.applied).toEqual([]);
      const rows = await owner.query(
        'SELECT version, name, length(sha256) AS len FROM shop.schema_migrations ORDER BY version',
      );
      expect(rows.rows).toEqual([
        { version: 1, name: 'shop', len: 64 },
        { version: 2, name: 'owner-sign-in', len: 64 },
        { version: 3, name: 'counter', len: 64 },
      ]);
    } finally {
      await owner.end();
    }
  });

  it('refuse a database whose applied migration was edited, or that a newer server migrated', async () => {
    const owner = createPool(db.ownerUrl, 1);
    try {
      const edited = SERVER_MIGRATIONS.map((m) => ({ ...m, sql: `${m.sql}\n-- edited` }));
      await expect(migrate(owner, { appRole: db.appRole, migrations: edited })).rejects.toThrow(MigrationError);
      await expect(migrate(owner, { appRole: db.appRole, migrations: [] })).rejects.toThrow(/newer server/);
    } finally {
      await owner.end();
    }
  });
});
