/**
 * A journal a year old (a million sales) must open, page and search as fast as a new one.
 *
 * - Watched sales: listWatched reads canceled, expired and needs_review (WATCHED_STATES in
 *   shared/order-state.ts), but the first partial index left needs_review out, so every start
 *   scanned the whole journal. The index is replaced with one whose condition is the query's.
 * - Counts: the history shows how many sales match next to each page. `order_counts` keeps
 *   the number of sales per UTC day, state and method, kept by triggers (so every writer,
 *   present or future, keeps it right), so a total reads a few hundred rows instead of
 *   counting a million; only the partial days at either end of a range are counted row by row.
 * - Search: `orders_search` is an FTS5 index with the trigram tokenizer over the order id and
 *   the note, so "contains this text" is answered from the index instead of reading every
 *   row. Contentless (the text stays in `orders` only) and keyed by the orders rowid, which
 *   SQLite keeps through VACUUM and VACUUM INTO (the backups), so the two stay paired.
 *   Amount searches are exact matches, answered by the two amount indices.
 */
export const sql = `
DROP INDEX orders_watched;
CREATE INDEX orders_watched ON orders(watch_until)
  WHERE watch_until IS NOT NULL AND state IN ('canceled','expired','needs_review');

CREATE TABLE order_counts (
  day TEXT NOT NULL,
  state TEXT NOT NULL,
  method TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (day, state, method)
) STRICT, WITHOUT ROWID;

INSERT INTO order_counts (day, state, method, n)
  SELECT substr(created_at, 1, 10), state, method, count(*) FROM orders GROUP BY 1, 2, 3;

CREATE TRIGGER order_counts_insert AFTER INSERT ON orders
BEGIN
  INSERT INTO order_counts (day, state, method, n) VALUES (substr(NEW.created_at, 1, 10), NEW.state, NEW.method, 1)
    ON CONFLICT (day, state, method) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER order_counts_delete AFTER DELETE ON orders
BEGIN
  UPDATE order_counts SET n = n - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND state = OLD.state AND method = OLD.method;
END;

CREATE TRIGGER order_counts_update AFTER UPDATE OF created_at, state, method ON orders
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.state IS NOT NEW.state OR OLD.method IS NOT NEW.method
BEGIN
  UPDATE order_counts SET n = n - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND state = OLD.state AND method = OLD.method;
  INSERT INTO order_counts (day, state, method, n) VALUES (substr(NEW.created_at, 1, 10), NEW.state, NEW.method, 1)
    ON CONFLICT (day, state, method) DO UPDATE SET n = n + 1;
END;

CREATE VIRTUAL TABLE orders_search USING fts5(
  order_id, note, content='', contentless_delete=1, tokenize='trigram'
);

INSERT INTO orders_search (rowid, order_id, note) SELECT rowid, order_id, note FROM orders;

CREATE TRIGGER orders_search_insert AFTER INSERT ON orders
BEGIN
  INSERT INTO orders_search (rowid, order_id, note) VALUES (NEW.rowid, NEW.order_id, NEW.note);
END;

CREATE TRIGGER orders_search_delete AFTER DELETE ON orders
BEGIN
  DELETE FROM orders_search WHERE rowid = OLD.rowid;
END;

CREATE TRIGGER orders_search_update AFTER UPDATE OF order_id, note ON orders
WHEN OLD.order_id IS NOT NEW.order_id OR OLD.note IS NOT NEW.note
BEGIN
  DELETE FROM orders_search WHERE rowid = OLD.rowid;
  INSERT INTO orders_search (rowid, order_id, note) VALUES (NEW.rowid, NEW.order_id, NEW.note);
END;

CREATE INDEX orders_price ON orders(coalesce(price, amount));
CREATE INDEX orders_total_payment ON orders(total_payment);
`;
