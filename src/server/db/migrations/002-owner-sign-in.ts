/**
 * The owner's sign-in for the web page the server serves.
 *
 * - owner_password: at most one row, a scrypt hash of the password set with
 *   `npm run server -- owner-password`; the password itself is never stored.
 * - owner_sessions: one row per signed-in browser, keyed by a hash of the cookie's value,
 *   so a copy of the database cannot be replayed as a session. Kept in PostgreSQL (not in
 *   memory) so a server restart or a second server process keeps the owner signed in.
 */
export const sql = `
CREATE TABLE shop.owner_password (
  id integer PRIMARY KEY CHECK (id = 1),
  scrypt text NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE shop.owner_sessions (
  token_sha256 text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX owner_sessions_expires ON shop.owner_sessions (expires_at);
`;
