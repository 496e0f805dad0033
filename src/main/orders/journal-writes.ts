import type Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import { isWholeRupiah } from '@shared/money';
import { isPaymentMethod } from '@shared/methods';
import { isValidOrderId } from '@shared/order-id';
import { canTransition, type OrderState } from '@shared/order-state';
import { commitFlushedByNext, flushedByNextCommit } from './commit-flush';
import { cachedStatement } from './statement-cache';
import { checkLines, readSaleLines, writeSaleLines } from './sale-lines';
import { FACT_COLUMNS, MONEY_FACTS, toRecord, type OrderRow } from './order-row';
import type { GatewayFacts, NewOrder, OrderRecord } from './order-store';

type Facts = Record<string, unknown>;

/**
 * The journal's write side: every change to a sale is one IMMEDIATE transaction that
 * updates its row and appends one event, so the event log and the row never disagree.
 */
export class JournalWriter {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.stmt = {
      get: db.prepare('SELECT * FROM orders WHERE order_id = ?'),
      insert: db.prepare(
        `INSERT INTO orders (order_id, state, method, amount, price, fee_payer, note, terminal, api_version, sandbox, project, base_url, created_at, updated_at, replaces_order_id, sale_id)
         VALUES (@orderId, 'creating', @method, @amount, @price, @feePayer, @note, @terminal, @apiVersion, @sandbox, @project, @baseUrl, @at, @at, @replacesOrderId, @saleId)`,
      ),
      event: db.prepare(
        'INSERT INTO order_events (order_id, at, from_state, to_state, reason, facts) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      attempt: db.prepare('UPDATE orders SET create_attempts = create_attempts + 1, updated_at = ? WHERE order_id = ?'),
    };
  }

  private row(orderId: string): OrderRow {
    const row = this.stmt.get.get(orderId) as OrderRow | undefined;
    if (!row) throw new PosError('not_found', `No sale with order id ${orderId} in the order log.`);
    return row;
  }

  private appendEvent(
    orderId: string,
    at: string,
    from: OrderState | null,
    to: OrderState,
    reason: string,
    facts: Facts | null,
  ): void {
    this.stmt.event.run(
      orderId,
      at,
      from,
      to,
      reason,
      facts && Object.keys(facts).length > 0 ? JSON.stringify(facts) : null,
    );
  }

  /**
   * Turns facts into column updates. A money fact that is already set and would change is
   * returned in `changed` (old and new) so the caller's event records it: nothing about money
   * is rewritten silently.
   */
  private factUpdates(row: OrderRow, facts: GatewayFacts): { sets: string[]; params: unknown[]; changed: Facts } {
    const sets: string[] = [];
    const params: unknown[] = [];
    const changed: Facts = {};
    for (const [key, value] of Object.entries(facts) as [keyof GatewayFacts, unknown][]) {
      if (value === undefined || !(key in FACT_COLUMNS)) continue;
      if ((key === 'fee' || key === 'totalPayment') && value !== null && !isWholeRupiah(value)) {
        throw new PosError('invalid_input', `${key} must be a whole rupiah amount, got ${String(value)}`);
      }
      const column = FACT_COLUMNS[key];
      const old = row[column];
      if (old === value) continue;
      if (MONEY_FACTS.has(key) && old !== null) changed[key] = { old, new: value };
      sets.push(`${column} = ?`);
      params.push(value);
    }
    return { sets, params, changed };
  }

  create(order: NewOrder): OrderRecord {
    if (!isValidOrderId(order.orderId)) throw new PosError('invalid_input', `invalid order id: ${order.orderId}`);
    if (!isWholeRupiah(order.amount) || order.amount <= 0)
      throw new PosError('invalid_input', `amount must be a whole rupiah amount above 0, got ${order.amount}`);
    const price = order.price ?? order.amount;
    if (!isWholeRupiah(price) || price <= 0)
      throw new PosError('invalid_input', `price must be a whole rupiah amount above 0, got ${price}`);
    const feePayer = order.feePayer ?? 'customer';
    if (!isPaymentMethod(order.method))
      throw new PosError('invalid_input', `unknown payment method: ${String(order.method)}`);
    if (order.lines) checkLines(order.lines, price);
    const at = this.now().toISOString();
    return this.db
      .transaction(() => {
        if (this.stmt.get.get(order.orderId))
          throw new PosError('illegal_state', `Order id ${order.orderId} already exists in the order log.`);
        this.stmt.insert.run({
          orderId: order.orderId,
          method: order.method,
          amount: order.amount,
          price,
          feePayer,
          note: order.note,
          terminal: order.terminal,
          apiVersion: order.apiVersion,
          sandbox: order.sandbox ? 1 : 0,
          project: order.project,
          baseUrl: order.baseUrl ?? null,
          at,
          replacesOrderId: order.replacesOrderId ?? null,
          saleId: order.saleId ?? null,
        });
        this.appendEvent(order.orderId, at, null, 'creating', 'created', {
          amount: order.amount,
          price,
          feePayer,
          method: order.method,
          apiVersion: order.apiVersion,
          sandbox: order.sandbox,
          ...(order.replacesOrderId ? { replacesOrderId: order.replacesOrderId } : {}),
          ...(order.saleId ? { saleId: order.saleId } : {}),
        });
        // A new QR for an expired sale sells the same things: its lines come along.
        const lines = order.lines ?? (order.replacesOrderId ? readSaleLines(this.db, order.replacesOrderId) : []);
        if (lines.length > 0) writeSaleLines(this.db, order.orderId, lines, at);
        return toRecord(this.row(order.orderId));
      })
      .immediate();
  }

  transition(
    orderId: string,
    to: OrderState,
    reason: string,
    facts: GatewayFacts = {},
    eventFacts?: Record<string, unknown>,
    expectedFrom?: readonly OrderState[],
  ): OrderRecord {
    const write = () => this.writeTransition(orderId, to, reason, facts, eventFacts, expectedFrom);
    return flushedByNextCommit(to) ? commitFlushedByNext(this.db, write) : write();
  }

  private writeTransition(
    orderId: string,
    to: OrderState,
    reason: string,
    facts: GatewayFacts,
    eventFacts: Record<string, unknown> | undefined,
    expectedFrom: readonly OrderState[] | undefined,
  ): OrderRecord {
    return this.db
      .transaction(() => {
        // Read and write inside one IMMEDIATE transaction: a second writer waits, then sees
        // the new state and is refused, so two racing writers cannot both win.
        const row = this.row(orderId);
        const from = row.state as OrderState;
        if (expectedFrom && !expectedFrom.includes(from)) {
          throw new PosError(
            'illegal_state',
            `Sale ${orderId} is ${from}, not ${expectedFrom.join(' or ')}; the change to ${to} was refused.`,
          );
        }
        if (!canTransition(from, to)) {
          throw new PosError(
            'illegal_state',
            `Sale ${orderId} cannot go from ${from} to ${to}; the change was refused.`,
          );
        }
        const at = this.now().toISOString();
        const { sets, params, changed } = this.factUpdates(row, facts);
        cachedStatement(
          this.db,
          `UPDATE orders SET ${['state = ?', 'updated_at = ?', ...sets].join(', ')} WHERE order_id = ?`,
        ).run(to, at, ...params, orderId);
        this.appendEvent(orderId, at, from, to, reason, {
          ...(eventFacts ?? {}),
          ...(Object.keys(changed).length > 0 ? { changed } : {}),
        });
        return toRecord(this.row(orderId));
      })
      .immediate();
  }

  recordFacts(
    orderId: string,
    facts: GatewayFacts,
    event?: { reason: string; facts?: Record<string, unknown> },
  ): OrderRecord {
    return this.db
      .transaction(() => {
        const row = this.row(orderId);
        const { sets, params, changed } = this.factUpdates(row, facts);
        const at = this.now().toISOString();
        if (sets.length > 0) {
          cachedStatement(
            this.db,
            `UPDATE orders SET ${['updated_at = ?', ...sets].join(', ')} WHERE order_id = ?`,
          ).run(at, ...params, orderId);
        }
        const hasChange = Object.keys(changed).length > 0;
        if (event || hasChange) {
          const state = row.state as OrderState;
          this.appendEvent(orderId, at, state, state, event?.reason ?? 'facts_changed', {
            ...(event?.facts ?? {}),
            ...(hasChange ? { changed } : {}),
          });
        }
        return toRecord(this.row(orderId));
      })
      .immediate();
  }

  noteCreateAttempt(orderId: string): OrderRecord {
    return this.db
      .transaction(() => {
        const row = this.row(orderId);
        if (row.state !== 'creating') {
          throw new PosError(
            'illegal_state',
            `Sale ${orderId} is ${row.state}; a create request may only be sent while creating.`,
          );
        }
        const at = this.now().toISOString();
        this.stmt.attempt.run(at, orderId);
        this.appendEvent(orderId, at, 'creating', 'creating', 'create_attempt', { attempt: row.create_attempts + 1 });
        return toRecord(this.row(orderId));
      })
      .immediate();
  }
}
