/**
 * The outbox a till pushes to the shop server. Every change that matters to the shop is
 * written here in the same SQLite transaction as the change itself, so no crash can leave a
 * sale changed but not queued (or queued but not changed). `seq` is the till's own sequence:
 * AUTOINCREMENT never reuses a number, and a rolled-back insert rolls the counter back with
 * it, so the sequence has no gaps.
 *
 * Orders ride it through a trigger on order_events: every journal write that records an
 * event (each state change, each money fact that changed) queues the sale's snapshot as it
 * stands after the change. A trigger (not code in each writer) means no writer, present or
 * future, can forget. Only the engine's own bookkeeping (create attempts, unanswered calls,
 * "still pending" notes, cancel requests) is left out. Sales already in the journal are
 * queued once here, so a till paired later still brings its history.
 *
 * Other kinds (cash sales, shifts, refunds, receipt prints) append their own rows with
 * appendToOutbox() inside their journal transaction, or with a trigger like this one.
 */
const snapshot = (o: string, at: string): string => `
  SELECT 'order.snapshot', ${o}.order_id, 1, ${at}, json_object(
    'orderId', ${o}.order_id,
    'state', ${o}.state,
    'method', ${o}.method,
    'amount', ${o}.amount,
    'price', ${o}.price,
    'feePayer', ${o}.fee_payer,
    'fee', ${o}.fee,
    'totalPayment', ${o}.total_payment,
    'note', ${o}.note,
    'terminal', ${o}.terminal,
    'apiVersion', ${o}.api_version,
    'sandbox', json(CASE WHEN ${o}.sandbox = 1 THEN 'true' ELSE 'false' END),
    'project', ${o}.project,
    'txnId', ${o}.txn_id,
    'expiresAt', ${o}.expires_at,
    'createdAt', ${o}.created_at,
    'updatedAt', ${o}.updated_at,
    'paidAt', ${o}.paid_at,
    'revision', ${o}.revision,
    'reason', ${o}.reason,
    'reasonDetail', ${o}.reason_detail,
    'replacesOrderId', ${o}.replaces_order_id
  )`;

export const sql = `
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  schema INTEGER NOT NULL CHECK (schema >= 1),
  occurred_at TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;

-- Events the server received but refused to apply, with its reason: kept and shown, never dropped.
CREATE TABLE sync_rejections (
  seq INTEGER PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  -- Set when the owner has seen it; the notice stays until then.
  acknowledged_at TEXT
) STRICT;

-- What the till knows of the server: its high-water mark for this till, and the like.
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

INSERT INTO sync_outbox (kind, entity_id, schema, occurred_at, payload)
${snapshot('o', 'o.updated_at')}
  FROM orders o ORDER BY o.created_at, o.order_id;

CREATE TRIGGER sync_outbox_order AFTER INSERT ON order_events
WHEN NOT (
  NEW.from_state IS NEW.to_state
  AND json_extract(coalesce(NEW.facts, '{}'), '$.changed') IS NULL
  AND (NEW.reason IN ('create_attempt', 'create_unanswered', 'gateway_cancel_sent', 'gateway_cancel_failed')
       OR NEW.reason LIKE 'keep\\_checking\\_%' ESCAPE '\\')
)
BEGIN
  INSERT INTO sync_outbox (kind, entity_id, schema, occurred_at, payload)
  ${snapshot('o', 'NEW.at')}
    FROM orders o WHERE o.order_id = NEW.order_id;
END;
`;
