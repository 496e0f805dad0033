import type { CreateRequest, GatewayTransaction, PakasirGateway } from './gateway';

/**
 * The same gateway, with every accepted create answer shown to `onCreate` first. Used to
 * learn what only a create answer tells: who bears the fee in Pakasir's project settings,
 * and whether the fee table still agrees with the fee Pakasir actually charged.
 */
export function observeCreates(
  gateway: PakasirGateway,
  onCreate: (tx: GatewayTransaction, req: CreateRequest) => void,
): PakasirGateway {
  return {
    get version() {
      return gateway.version;
    },
    get project() {
      return gateway.project;
    },
    get minStatusIntervalMs() {
      return gateway.minStatusIntervalMs;
    },
    get canSimulate() {
      return gateway.canSimulate;
    },
    async create(req, signal) {
      const tx = await gateway.create(req, signal);
      try {
        onCreate(tx, req);
      } catch {
        // Learning is a side note: it never fails a sale.
      }
      return tx;
    },
    status: (ref, signal) => gateway.status(ref, signal),
    cancel: (ref, signal) => gateway.cancel(ref, signal),
    simulatePayment: (ref, signal) => gateway.simulatePayment(ref, signal),
    fees: (amount, signal) => gateway.fees(amount, signal),
  };
}
