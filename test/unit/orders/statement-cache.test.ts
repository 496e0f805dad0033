import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedStatement } from '../../../src/main/orders/statement-cache';

const open: Database.Database[] = [];
function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('journal statements compiled once', () => {
  it('gives the same compiled statement for the same SQL, and it keeps writing', () => {
    const db = memoryDb();
    const insert = 'INSERT INTO t (v) VALUES (?)';
    expect(cachedStatement(db, insert)).toBe(cachedStatement(db, insert));
    for (const v of ['a', 'b', 'c']) cachedStatement(db, insert).run(v);
    expect(db.prepare('SELECT v FROM t ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
  });

  it('keeps each journal connection to its own statements', () => {
    const a = memoryDb();
    const b = memoryDb();
    const sql = 'INSERT INTO t (v) VALUES (?)';
    expect(cachedStatement(a, sql)).not.toBe(cachedStatement(b, sql));
    cachedStatement(a, sql).run('only in a');
    expect(b.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  });

  it('stays right past its size: a statement dropped from the cache is compiled again', () => {
    const db = memoryDb();
    for (let i = 0; i < 300; i += 1) cachedStatement(db, `INSERT INTO t (v) VALUES ('${i}')`).run();
    cachedStatement(db, "INSERT INTO t (v) VALUES ('0')").run();
    expect(db.prepare("SELECT count(*) FROM t WHERE v = '0'").pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(301);
  });
});
