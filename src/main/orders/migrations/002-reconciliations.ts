/** Every reconciliation run, so "last checked with Pakasir" survives a restart. */
export const sql = `
CREATE TABLE reconciliations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  day TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  offline INTEGER NOT NULL CHECK (offline IN (0,1)),
  result TEXT NOT NULL CHECK (json_valid(result))
) STRICT;
CREATE INDEX reconciliations_day ON reconciliations(day, id);
`;
