import type { IncomingMessage, ServerResponse } from 'node:http';
import { v1Cancel, v1Create, v1Detail, v1Simulate } from './api-v1';
import { v2Cancel, v2Create, v2Fee, v2Status } from './api-v2';
import { message, type SimAnswer, type SimContext, type SimRequest, type SimRoute, type SimStats } from './context';
import type { SimTransaction } from './ledger';
import { payPage } from './pay-page';
import { plainControl } from './sim-pay';

export interface Routed {
  route: SimRoute | null;
  handle: () => SimAnswer;
}

/**
 * How a test simulator (lab/) spoils answers and adds its control plane; the simulator
 * demo mode ships has none of it.
 */
export interface SimulatorHooks {
  /** Whether a completed transaction's status on this route should say `pending`. */
  takeFlip?(route: SimRoute): boolean;
  /** The answer to send, or null when the hook already answered (or dropped) the request. */
  answer?(routed: Routed, req: IncomingMessage, res: ServerResponse, ctx: SimContext): Promise<SimAnswer | null>;
  /** `/__sim/{action}` beyond the payer. */
  control?(ctx: SimContext, controls: SimControls, req: SimRequest, action: string): SimAnswer;
  reset?(): void;
}

export interface SimControls {
  stats(): SimStats;
  transactions(): readonly SimTransaction[];
  reset(): void;
}

const seg = (s: string | undefined): string => decodeURIComponent(s ?? '');

/** Pakasir's v2 API: /api/v2/{call}/{project}/{order or amount}. */
function routeV2(ctx: SimContext, req: SimRequest): Routed | null {
  const [, , c, d, e] = req.path;
  const m = req.method;
  if (m === 'POST' && c === 'create-transaction' && d && e)
    return { route: 'v2.create', handle: () => v2Create(ctx, req, seg(d), seg(e)) };
  if (m === 'GET' && c === 'transaction-status' && d && e)
    return { route: 'v2.status', handle: () => v2Status(ctx, req, seg(d), seg(e)) };
  if (m === 'POST' && c === 'cancel-transaction' && d && e)
    return { route: 'v2.cancel', handle: () => v2Cancel(ctx, req, seg(d), seg(e)) };
  if (m === 'GET' && c === 'payment-fee' && d) return { route: 'v2.fee', handle: () => v2Fee(seg(d)) };
  return null;
}

/** Pakasir's v1 API: /api/{call}[/{method}]. */
function routeV1(ctx: SimContext, req: SimRequest): Routed | null {
  const [, b, c] = req.path;
  const m = req.method;
  if (m === 'POST' && b === 'transactioncreate' && c)
    return { route: 'v1.create', handle: () => v1Create(ctx, req, seg(c)) };
  if (m === 'GET' && b === 'transactiondetail') return { route: 'v1.detail', handle: () => v1Detail(ctx, req) };
  if (m === 'POST' && b === 'transactioncancel') return { route: 'v1.cancel', handle: () => v1Cancel(ctx, req) };
  if (m === 'POST' && b === 'paymentsimulation') return { route: 'v1.simulate', handle: () => v1Simulate(ctx, req) };
  return null;
}

/** Which handler answers a request, and which rate-limited route (if any) it counts against. */
export function routeRequest(ctx: SimContext, req: SimRequest, hooks: SimulatorHooks, controls: SimControls): Routed {
  const [a, b, c] = req.path;
  let routed: Routed | null = null;
  if (a === 'api' && b === 'v2') routed = routeV2(ctx, req);
  else if (a === 'api') routed = routeV1(ctx, req);
  else if ((a === 'pay' || a === 'paypal') && req.method === 'GET' && b && c)
    routed = { route: null, handle: () => payPage(ctx, req, a === 'paypal', seg(b), seg(c)) };
  else if (a === '__sim' && b)
    routed = {
      route: null,
      handle: () => (hooks.control ? hooks.control(ctx, controls, req, b) : plainControl(ctx, req, b)),
    };
  return routed ?? { route: null, handle: () => message(404, 'Not found') };
}
