import type { PakasirGateway } from '../pakasir/gateway';
import type { SaleEnvironment } from '../payments/gateway-selection';

/**
 * One gateway per (API version, project, address) that an open or watched sale needs,
 * built on first use and kept until the settings change. A sale made under API v1 is still
 * checked with v1 after the shop moved to v2 (the key is the project's, whatever the
 * version); a sale whose project's key is gone has none (null), and the engine sends it to
 * review. Building a gateway reads (and on Electron decrypts) the key: once per settings
 * change, never per check.
 */
export class GatewayRegistry {
  private readonly built = new Map<string, PakasirGateway | null>();

  constructor(private readonly build: (sale: SaleEnvironment) => PakasirGateway | null) {}

  forSale(sale: SaleEnvironment): PakasirGateway | null {
    const key = `${sale.apiVersion}\u0000${sale.project}\u0000${sale.baseUrl}`;
    if (this.built.has(key)) return this.built.get(key)!;
    const gateway = this.build(sale);
    this.built.set(key, gateway);
    return gateway;
  }

  /** Settings changed (key, project, address, demo): build again on next use. */
  clear(): void {
    this.built.clear();
  }
}
