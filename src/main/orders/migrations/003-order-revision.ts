/**
 * A revision per sale, raised by every change to its row, so a window can tell a newer view
 * of a sale from an older one without trusting the wall clock (which NTP may step back).
 * A trigger keeps it honest for every writer; recursive triggers are off, and the WHEN guard
 * stops the trigger's own update from counting twice.
 */
export const sql = `
ALTER TABLE orders ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER orders_revision AFTER UPDATE ON orders FOR EACH ROW WHEN NEW.revision = OLD.revision
BEGIN
  UPDATE orders SET revision = OLD.revision + 1 WHERE order_id = NEW.order_id;
END;
`;
