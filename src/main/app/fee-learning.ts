import type { Logger } from '../log/logger';
import { FeeLookup } from '../pakasir/fee-lookup';
import type { PakasirGateway } from '../pakasir/gateway';
import { observeCreates } from '../pakasir/observe-creates';
import { feePolicyPlanner, type AmountPlanner } from '../payments/amount-plan';
import type { SettingsService } from '../settings/settings-service';

export interface FeeLearning {
  /** The owner's fee choice, applied to every charge. */
  planAmount: AmountPlanner;
  /** The gateway, watched for what only its create answers tell. */
  learnFromCreates(gateway: PakasirGateway): PakasirGateway;
}

/**
 * Pakasir's fees as the app learns them: a fee table per gateway (a settings change builds a
 * new gateway, and so a fresh table), and what only a create answer tells: who bears the fee
 * in the project's own settings, and whether the table still matches the fee Pakasir charged
 * (if not, it is asked again).
 */
export function createFeeLearning(settings: SettingsService, log: Logger): FeeLearning {
  const feeLookups = new WeakMap<PakasirGateway, FeeLookup>();
  const lookupFor = (gateway: PakasirGateway): FeeLookup => {
    let lookup = feeLookups.get(gateway);
    if (!lookup) {
      lookup = new FeeLookup((amount) => gateway.fees(amount));
      feeLookups.set(gateway, lookup);
    }
    return lookup;
  };
  const learnFromCreates = (gateway: PakasirGateway): PakasirGateway => {
    const observed = observeCreates(gateway, (tx, req) => {
      if (tx.feeBearer) settings.noteFeeBearer(gateway.project, tx.feeBearer);
      const lookup = feeLookups.get(observed);
      const table = lookup?.peek(req.amount);
      const listed = table?.[req.method];
      if (lookup && typeof listed === 'number' && req.method !== 'payment_link' && listed !== tx.fee) {
        log.warn('Pakasir charged another fee than its fee table said; the table will be asked again', {
          method: req.method,
          amount: req.amount,
          table: listed,
          charged: tx.fee,
        });
        lookup.forget();
      }
    });
    return observed;
  };
  const planAmount = feePolicyPlanner(
    (project) => ({ payer: settings.feePayer(), pakasirBearer: settings.feeBearerFor(project) }),
    lookupFor,
  );
  return { planAmount, learnFromCreates };
}
