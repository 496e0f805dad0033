import { SIM_ROUTES, type SimRoute } from '../context';

/** Scriptable failures, per route, so every failure class can be produced on demand. */

export interface FaultSpec {
  route: SimRoute;
  /** How many requests it affects (default 1; Infinity allowed). */
  times?: number;
  /** Delay before answering (or before the other effects). */
  latencyMs?: number;
  /** Answer with this HTTP status instead (body `{"message": ...}` unless `body` is set). */
  status?: number;
  /** Retry-After header value to send with `status`. */
  retryAfter?: string;
  /** Raw answer body (malformed JSON, or a crafted answer); status 200 unless `status`. */
  body?: string;
  /** Destroy the socket without answering. */
  drop?: true;
  /** Never answer (until the simulator closes). */
  hang?: true;
  /** Answer for another amount (amount + 1). */
  wrongAmount?: true;
  /** Answer for another order_id. */
  wrongOrderId?: true;
  /**
   * A status answer whose `amount` is the total the customer paid (amount + fee), as some
   * readings of the v2 status shape suggest.
   */
  amountAsTotal?: true;
  /** Once a transaction is completed, report it as this older status. */
  flipStatus?: 'pending';
  /**
   * Process the request first (a transaction IS created, cancelled, paid...), then lose or
   * spoil the answer with drop/hang/status/body: the "lost create answer" case.
   */
  afterHandling?: true;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultSet {
  #active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times > 0)) throw new Error('times must be positive');
    this.#active.push({ spec: { ...spec }, remaining: times });
  }

  clear(): void {
    this.#active = [];
  }

  list(): readonly FaultSpec[] {
    return this.#active.map((a) => ({ ...a.spec, times: a.remaining }));
  }

  /** The next fault for a request on this route (flip faults wait for a completed txn). */
  take(route: SimRoute): FaultSpec | null {
    return this.#consume((f) => f.route === route && !f.flipStatus);
  }

  takeFlip(route: SimRoute): FaultSpec | null {
    return this.#consume((f) => f.route === route && f.flipStatus !== undefined);
  }

  #consume(match: (f: FaultSpec) => boolean): FaultSpec | null {
    const index = this.#active.findIndex((a) => match(a.spec));
    if (index < 0) return null;
    const active = this.#active[index]!;
    active.remaining -= 1;
    if (active.remaining <= 0) this.#active.splice(index, 1);
    return active.spec;
  }
}

/** Faults arriving over HTTP: JSON has no Infinity, so accept "Infinity" and -1 too. */
export function faultFromJson(input: unknown): FaultSpec {
  if (!input || typeof input !== 'object') throw new Error('a fault must be an object');
  const raw = input as Record<string, unknown>;
  if (typeof raw.route !== 'string' || !(SIM_ROUTES as readonly string[]).includes(raw.route)) {
    throw new Error(`route must be one of ${SIM_ROUTES.join(', ')}`);
  }
  const spec: FaultSpec = { route: raw.route as SimRoute };
  if (raw.times !== undefined)
    spec.times = raw.times === 'Infinity' || raw.times === -1 || raw.times === null ? Infinity : Number(raw.times);
  if (typeof raw.latencyMs === 'number') spec.latencyMs = raw.latencyMs;
  if (typeof raw.status === 'number') spec.status = raw.status;
  if (typeof raw.retryAfter === 'string') spec.retryAfter = raw.retryAfter;
  if (typeof raw.body === 'string') spec.body = raw.body;
  if (raw.drop === true) spec.drop = true;
  if (raw.hang === true) spec.hang = true;
  if (raw.wrongAmount === true) spec.wrongAmount = true;
  if (raw.wrongOrderId === true) spec.wrongOrderId = true;
  if (raw.amountAsTotal === true) spec.amountAsTotal = true;
  if (raw.flipStatus === 'pending') spec.flipStatus = 'pending';
  if (raw.afterHandling === true) spec.afterHandling = true;
  return spec;
}
