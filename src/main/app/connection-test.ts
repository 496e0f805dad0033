import type { ConnectionTestResult } from '@shared/domain';
import { GatewayError } from '../pakasir/gateway';
import type { GatewayContext } from '../payments/gateway-selection';

/**
 * Whether the project's code and key work, from one status call. Asking for a transaction
 * that cannot exist tells a valid key and project ("transaction not found") from a bad key
 * (401) or an unknown project.
 */
export async function testConnection(ctx: GatewayContext): Promise<ConnectionTestResult> {
  if (ctx.demo) return { ok: true, code: 'no_credentials', detail: 'demo', latencyMs: null };
  const started = Date.now();
  const probe = {
    orderId: `PROBE-${Date.now()}`,
    amount: 10_000,
    txnId: `probe${Date.now()}`,
    method: 'qris' as const,
  };
  try {
    await ctx.gateway.status(probe);
    return { ok: true, code: 'ok', detail: null, latencyMs: Date.now() - started };
  } catch (err) {
    const latencyMs = Date.now() - started;
    if (!(err instanceof GatewayError)) return { ok: false, code: 'server', detail: null, latencyMs };
    if (err.kind === 'not_found') {
      const projectMissing = /proyek|project/i.test(err.gatewayMessage ?? '');
      return projectMissing
        ? { ok: false, code: 'not_found', detail: err.gatewayMessage, latencyMs }
        : { ok: true, code: 'ok', detail: null, latencyMs };
    }
    const code = err.kind === 'invalid_request' || err.kind === 'rejected' ? 'server' : err.kind;
    return { ok: false, code, detail: err.gatewayMessage, latencyMs };
  }
}
