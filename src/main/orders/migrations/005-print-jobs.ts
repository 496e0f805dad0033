/**
 * Printed documents and their print jobs, in the journal so a receipt outlives a printer
 * that was off and a restart. `receipts` holds each document's snapshot once, frozen when
 * the sale was paid (or the refund made, or the shift closed), with its receipt number; a
 * first print and every reprint are rows of `print_jobs` pointing at it, so a copy can only
 * ever print what the original said. Receipt numbers run per till and kind without gaps.
 */
export const sql = `
CREATE TABLE receipts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('sale','refund','z_report')),
  ref TEXT NOT NULL,
  terminal TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  receipt_no TEXT NOT NULL UNIQUE,
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  created_at TEXT NOT NULL,
  UNIQUE (kind, ref),
  UNIQUE (kind, terminal, seq)
) STRICT;

CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  receipt_id INTEGER NOT NULL REFERENCES receipts(id),
  kind TEXT NOT NULL CHECK (kind IN ('sale_receipt','refund_slip','z_report')),
  reprint INTEGER NOT NULL CHECK (reprint >= 0),
  opens_drawer INTEGER NOT NULL CHECK (opens_drawer IN (0,1)),
  state TEXT NOT NULL CHECK (state IN ('queued','printing','done','failed','canceled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  target TEXT CHECK (target IS NULL OR json_valid(target)),
  last_problem TEXT,
  last_detail TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  printed_at TEXT
) STRICT;

CREATE INDEX print_jobs_waiting ON print_jobs(id) WHERE state IN ('queued','printing');
CREATE INDEX print_jobs_receipt ON print_jobs(receipt_id, id);
`;
