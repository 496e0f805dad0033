import type { GatewayConfig, PakasirGateway } from './gateway';
import { PakasirV1Client } from './v1-client';
import { PakasirV2Client } from './v2-client';

export const DEFAULT_BASE_URL = 'https://app.pakasir.com';

/** One factory for both API versions; the payment engine only sees PakasirGateway. */
export function createGateway(config: GatewayConfig): PakasirGateway {
  const withBase = { ...config, baseUrl: config.baseUrl || DEFAULT_BASE_URL };
  return config.version === 'v1' ? new PakasirV1Client(withBase) : new PakasirV2Client(withBase);
}
