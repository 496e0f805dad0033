import type Database from 'better-sqlite3';

/**
 * Makes the journal's disk full for real, as SQLite sees it: the database may not grow by a
 * page (PRAGMA max_page_count), and the pages it has are filled, the sale events' last page
 * included, so the next event any sale writes fails with SQLITE_FULL. `free()` gives room.
 */
export function fillDisk(db: Database.Database, orderId: string): { free(): void } {
  db.exec('CREATE TABLE IF NOT EXISTS disk_filler (x BLOB)');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages + 4}`);
  const full = (e: unknown) => (e as { code?: string }).code === 'SQLITE_FULL';
  const untilFull = (run: () => void) => {
    try {
      for (let i = 0; i < 100_000; i++) run();
    } catch (e) {
      if (!full(e)) throw e;
      return;
    }
    throw new Error('the disk never filled');
  };
  const blob = db.prepare('INSERT INTO disk_filler VALUES (zeroblob(?))');
  for (const size of [3000, 1000, 300, 100, 30, 1]) untilFull(() => blob.run(size));
  // The smallest event a sale can write no longer fits in the last page of the events.
  const event = db.prepare("INSERT INTO order_events (order_id, at, to_state, reason) VALUES (?, '', 'x', 'x')");
  untilFull(() => event.run(orderId));
  return {
    free() {
      db.pragma('max_page_count = 1073741823');
      db.exec("DELETE FROM order_events WHERE reason = 'x' AND at = ''; DROP TABLE disk_filler");
    },
  };
}
