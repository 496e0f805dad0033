import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/orders/migrations';
import { splitStatements } from '../../../src/main/orders/sql-statements';

const schema = (db: Database.Database) =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();

describe('splitStatements', () => {
  it('every migration run statement by statement builds the same schema as run whole', () => {
    const whole = new Database(':memory:');
    const split = new Database(':memory:');
    for (const m of MIGRATIONS) {
      whole.exec(m.sql);
      // prepare() takes exactly one statement: it throws if a piece holds two, or half of one.
      for (const statement of splitStatements(m.sql)) split.prepare(statement).run();
    }
    expect(schema(split)).toEqual(schema(whole));
  });

  it('keeps a trigger body, quoted semicolons and comments inside their statement', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE t (a TEXT DEFAULT 'x;y', "b;c" INTEGER); /* block; comment */
CREATE TRIGGER t_ins AFTER INSERT ON t
BEGIN
  UPDATE t SET a = 'end;' WHERE rowid = NEW.rowid;
  DELETE FROM t WHERE a = 'none';
END;
INSERT INTO t (a) VALUES ('z')`;
    const parts = splitStatements(sql);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toMatch(/CREATE TRIGGER[\s\S]*END;$/);
    const db = new Database(':memory:');
    for (const p of parts) db.prepare(p).run();
    expect(db.prepare('SELECT a FROM t').pluck().all()).toEqual(['end;']);
  });

  it('refuses text it cannot read rather than cut it wrongly', () => {
    expect(() => splitStatements("INSERT INTO t VALUES ('open")).toThrow(SyntaxError);
    expect(() => splitStatements('SELECT 1; /* open')).toThrow(SyntaxError);
  });
});
