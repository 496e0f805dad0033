import { join } from 'node:path';
import type { Pool } from 'pg';
import { SaleBook } from '../../src/main/counter/sales';
import type { ShiftRow } from '../../src/main/counter/shift-reader';
import { ShiftBook } from '../../src/main/counter/shifts';
import { ZReports } from '../../src/main/counter/z-report';
import { CounterJournal } from '../../src/main/counter/counter-journal';
import { shiftZReport } from '../../src/server/reports/z-report';

export interface CounterCheck {
  /** Counter rows on the till and on the server: sales, refunds, shifts, closed shifts, cash moves. */
  till: Record<string, number>;
  server: Record<string, number>;
  shiftsCompared: number;
  /** Shifts whose Z report differs between the till and the server, with the first field that does. */
  zMismatches: string[];
}

const COUNTS = {
  sales: ['SELECT count(*) AS n FROM sales', 'SELECT count(*)::int AS n FROM shop.counter_sales WHERE till_id = $1'],
  refunds: ['SELECT count(*) AS n FROM refunds', 'SELECT count(*)::int AS n FROM shop.refunds WHERE till_id = $1'],
  shifts: ['SELECT count(*) AS n FROM shifts', 'SELECT count(*)::int AS n FROM shop.shifts WHERE till_id = $1'],
  closed: [
    "SELECT count(*) AS n FROM shifts WHERE state = 'closed'",
    'SELECT count(*)::int AS n FROM shop.shift_closes WHERE till_id = $1',
  ],
  cashMoves: [
    "SELECT count(*) AS n FROM shift_events WHERE kind IN ('cash_in', 'cash_out')",
    "SELECT count(*)::int AS n FROM shop.shift_events WHERE till_id = $1 AND kind IN ('cash_in', 'cash_out')",
  ],
} as const;

/**
 * One till's counter against the server's: as many sales, refunds, shifts, closes and cash
 * movements, and every shift's Z report (money by method, refunds, net, the drawer) equal to
 * the rupiah to the one the till itself prints.
 */
export async function checkCounter(pool: Pool, dir: string, tillId: string): Promise<CounterCheck> {
  const journal = new CounterJournal(join(dir, 'orders.sqlite'), 'KASR0000', () => new Date());
  try {
    const out: CounterCheck = { till: {}, server: {}, shiftsCompared: 0, zMismatches: [] };
    for (const [name, [local, remote]] of Object.entries(COUNTS)) {
      out.till[name] = (journal.db.prepare(local).get() as { n: number }).n;
      out.server[name] = (await pool.query<{ n: number }>(remote, [tillId])).rows[0]!.n;
    }
    const shifts = new ShiftBook(journal);
    const z = new ZReports(journal, shifts, new SaleBook(journal));
    const rows = journal.db.prepare('SELECT * FROM shifts ORDER BY rowid').all() as ShiftRow[];
    for (const row of rows) {
      const own = z.shift(row);
      const server = await shiftZReport(pool, tillId, row.shift_id);
      out.shiftsCompared += 1;
      const pairs: [string, unknown, unknown][] = [
        ['gross', own.gross, server?.gross],
        ['fees', own.fees, server?.fees],
        ['netReceived', own.netReceived, server?.netReceived],
        ['refunds', own.refunds, server?.refunds],
        ['netAfterRefunds', own.netAfterRefunds, server?.netAfterRefunds],
        ['byMethod', own.byMethod, server?.byMethod],
        ['drawer', own.drawer, server?.drawer],
      ];
      const bad = pairs.find(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
      if (bad && out.zMismatches.length < 5)
        out.zMismatches.push(
          `${row.shift_id} ${bad[0]}: till ${JSON.stringify(bad[1])}, server ${JSON.stringify(bad[2])}`,
        );
    }
    return out;
  } finally {
    journal.close();
  }
}
