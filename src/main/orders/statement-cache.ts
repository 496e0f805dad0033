import type Database from 'better-sqlite3';

/** More shapes than the journal's writes ever use; past it the cache starts again, so it never grows without end. */
const MAX_STATEMENTS = 128;

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on `db`, compiled once. SQLite compiles a statement each time
 * better-sqlite3's `prepare` is called, and an UPDATE of orders compiles its triggers with
 * it; the journal's small writes (a sale's state change, an outbox row) repeat a handful of
 * shapes, so each is compiled once per connection. Only for statements that are `run` or `get`,
 * never iterated: an iterated statement is busy until its loop ends, and a second use of
 * the same cached one inside that loop would fail.
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
