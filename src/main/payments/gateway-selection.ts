import type { ApiVersion } from '@shared/methods';
import type { OrderRecord } from '../orders/order-store';
import type { PakasirGateway } from '../pakasir/gateway';
import { pacedFor, type MarginLearner, type PaceOptions } from './poll-schedule';

/** What the engine needs to know about the project it sells for, read fresh on every use. */
export interface GatewayContext {
  gateway: PakasirGateway;
  project: string;
  version: ApiVersion;
  /** Where the gateway is (normalised): recorded with each sale. */
  baseUrl: string;
  /** A sandbox project (or demo mode): no real money. */
  sandbox: boolean;
  demo: boolean;
  terminalPrefix: string;
  link: { qrisOnly: boolean; redirectUrl: string | null };
}

/** Which gateway answers for a sale: the API version, project and address it was made at. */
export interface SaleEnvironment {
  apiVersion: ApiVersion;
  project: string;
  baseUrl: string;
}

/**
 * The gateway of the sale's own API version, project and address; `other` answers for a sale
 * made under another one than today's, or null when the app cannot reach it any more.
 */
export function gatewayForSale(
  order: OrderRecord,
  ctx: GatewayContext,
  other: (sale: SaleEnvironment) => PakasirGateway | null,
): PakasirGateway | null {
  // A sale from before addresses were recorded was made at the address set then.
  const env: SaleEnvironment = {
    apiVersion: order.apiVersion,
    project: order.project,
    baseUrl: order.baseUrl ?? ctx.baseUrl,
  };
  if (env.apiVersion === ctx.version && env.project === ctx.project && env.baseUrl === ctx.baseUrl) return ctx.gateway;
  return other(env);
}

/** The pace of status calls to one gateway: its own minimum, v1's default, the learned margin. */
export function paceOf(gateway: PakasirGateway, v1StatusIntervalMs: number, margin: MarginLearner): PaceOptions {
  const min = gateway.minStatusIntervalMs;
  return pacedFor(min, gateway.version === 'v1' ? Math.max(min, v1StatusIntervalMs) : min, margin.marginMs);
}
