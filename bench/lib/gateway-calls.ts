import { epochMs } from './stats';

/** One gateway request as the app's HTTP client saw it (the benchmark's view, not the product's). */
export interface GatewayCall {
  route: 'create' | 'status' | 'cancel' | 'other';
  /** order id (create) or txn id (status, cancel): what Pakasir's limits count per. */
  key: string;
  /** Project slug from the URL, for per-project create rates. */
  project: string;
  startedAt: number;
  endedAt: number;
  httpStatus: number;
}

const calls: GatewayCall[] = [];
let installed = false;

function classify(url: string): Pick<GatewayCall, 'route' | 'key' | 'project'> {
  const path = new URL(url).pathname.split('/').filter(Boolean).map(decodeURIComponent);
  // /api/v2/{create-transaction|transaction-status|cancel-transaction}/{project}/{id}
  if (path[0] === 'api' && path[1] === 'v2' && path.length >= 5) {
    const route =
      path[2] === 'create-transaction'
        ? 'create'
        : path[2] === 'transaction-status'
          ? 'status'
          : path[2] === 'cancel-transaction'
            ? 'cancel'
            : 'other';
    return { route, project: path[3]!, key: path[4]! };
  }
  return { route: 'other', project: '', key: '' };
}

/**
 * Times every request the gateway clients send, by wrapping the global fetch they pick up
 * at construction. Must run before any service is created. Only requests to `origins` (the
 * simulators) are recorded; the product code is unchanged.
 */
export function installGatewayTimer(isGateway: (url: string) => boolean): void {
  if (installed) return;
  installed = true;
  const real = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!isGateway(url)) return real(input, init);
    const startedAt = epochMs();
    const res = await real(input, init);
    // The body is read by the client; the answer counts as arrived when its headers did, and
    // the body of these small JSON answers comes in the same packet.
    calls.push({ ...classify(url), startedAt, endedAt: epochMs(), httpStatus: res.status });
    return res;
  };
}

export function gatewayCalls(): readonly GatewayCall[] {
  return calls;
}

/** The calls that started inside [from, to] (epoch ms). */
export function callsBetween(from: number, to: number): GatewayCall[] {
  return calls.filter((c) => c.startedAt >= from && c.startedAt <= to);
}
