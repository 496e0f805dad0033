import type { OrderView } from '@shared/domain';
import { saleMoney } from '@shared/fees';
import { formatRupiah } from '@shared/money';
import { useT } from '../i18n';

/**
 * Price, Pakasir's fee (and who bears it) and what the shop receives, for one sale: the
 * same lines on the payment screen, the outcome and the history.
 */
export function MoneyBreakdown({ order, testPrefix = 'pay' }: { order: OrderView; testPrefix?: string }) {
  const t = useT();
  const m = saleMoney(order);
  const fee = m.fee ?? null;
  const onCustomer = (m.feeOnCustomer ?? 0) > 0;
  return (
    <dl className="breakdown">
      <div>
        <dt>{t('pay.priceLine')}</dt>
        <dd data-testid={`${testPrefix}-price`}>{formatRupiah(order.price)}</dd>
      </div>
      <div>
        <dt>{fee === null ? t('pay.fee') : t(onCustomer ? 'pay.feeCustomer' : 'pay.feeShop')}</dt>
        <dd data-testid={`${testPrefix}-fee`}>
          {fee === null ? t('pay.feeUnknown') : `${onCustomer ? '+' : '−'} ${formatRupiah(fee)}`}
        </dd>
      </div>
      <div className="breakdown-main">
        <dt>{t('pay.shopReceives')}</dt>
        <dd data-testid={`${testPrefix}-shop-receives`}>
          {m.shopReceives === null ? t('pay.feeUnknown') : formatRupiah(m.shopReceives)}
        </dd>
      </div>
    </dl>
  );
}
