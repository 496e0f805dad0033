import type { FeePayer, PakasirFeeBearer } from '@shared/fees';
import { PosError } from '@shared/errors';
import { formatRupiah } from '@shared/money';
import type { PaymentMethod } from '@shared/methods';
import type { FeeLookup } from '../pakasir/fee-lookup';
import type { PakasirGateway } from '../pakasir/gateway';
import { planRoundPrice } from './round-price';

/** What to send to Pakasir for one price, decided before the sale is journaled. */
export interface AmountPlan {
  /** The amount sent to Pakasir. */
  amount: number;
  feePayer: FeePayer;
  /** The fee Pakasir's table gave for that amount (null when no table was asked). */
  expectedFee: number | null;
  /** Fee answers it took (0 when none was needed). */
  asks: number;
}

export interface AmountRequest {
  price: number;
  method: PaymentMethod;
  gateway: PakasirGateway;
  project: string;
  linkQrisOnly: boolean;
}

export type AmountPlanner = (req: AmountRequest) => Promise<AmountPlan>;

/** The price goes to Pakasir as is; whatever fee Pakasir adds is the customer's. */
export const priceAsIs: AmountPlanner = async ({ price }) => ({
  amount: price,
  feePayer: 'customer',
  expectedFee: null,
  asks: 0,
});

export interface FeePolicy {
  /** The owner's choice; the shop bears the fee until the owner chose otherwise. */
  payer: FeePayer;
  /** Pakasir's own "Beban Biaya" for this project, when a create answer has shown it. */
  pakasirBearer: PakasirFeeBearer | null;
}

/**
 * The owner's choice applied to one charge:
 * - the customer pays the fee: the price is sent as is;
 * - the shop bears it and Pakasir's project already puts the fee on the merchant
 *   (total_payment = amount): the price is sent as is, and the customer pays the price;
 * - the shop bears it otherwise: the amount is chosen from Pakasir's fee answers so the
 *   customer's total is the price, or just below it where no amount gives it exactly.
 */
export function feePolicyPlanner(
  policy: (project: string) => FeePolicy,
  lookupFor: (gateway: PakasirGateway) => FeeLookup,
): AmountPlanner {
  return async ({ price, method, gateway, project, linkQrisOnly }) => {
    const { payer, pakasirBearer } = policy(project);
    if (payer === 'customer') return { amount: price, feePayer: 'customer', expectedFee: null, asks: 0 };
    if (pakasirBearer === 'merchant') return { amount: price, feePayer: 'shop', expectedFee: null, asks: 0 };
    if (method === 'paypal') {
      throw new PosError(
        'invalid_input',
        "PayPal sets its own fee on its page, so the customer's round price cannot be kept. Pick another method.",
      );
    }
    const lookup = lookupFor(gateway);
    let result;
    try {
      result = await planRoundPrice(price, (amount) => lookup.fee(method, amount, linkQrisOnly));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new PosError('fee_unavailable', `Pakasir's fee could not be asked, so no charge was made: ${why}`);
    }
    if (!result) {
      throw new PosError(
        'invalid_input',
        `Pakasir's fee is more than ${formatRupiah(price)}, so the customer cannot pay that round price.`,
      );
    }
    return { amount: result.amount, feePayer: 'shop', expectedFee: result.fee, asks: result.asks };
  };
}
