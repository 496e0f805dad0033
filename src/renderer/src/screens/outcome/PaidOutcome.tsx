import type { OrderView } from '@shared/domain';
import { saleMoney } from '@shared/fees';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { ReceiptActions } from '../receipt/ReceiptActions';

/** Paid: what the customer paid, what the shop receives after the fee, the change, the receipt. */
export function PaidOutcome({ order }: { order: OrderView }) {
  const t = useT();
  const money = saleMoney(order);
  return (
    <>
      <div className="outcome-icon" aria-hidden="true">
        ✓
      </div>
      <h1 className="outcome-title">{t('outcome.paid')}</h1>
      <p className="outcome-amount" data-testid="outcome-customer-paid">
        {t('outcome.paidBody', { amount: formatRupiah(money.customerPays ?? order.price) })}
      </p>
      {money.shopReceives !== null && (
        <p className="outcome-sub" data-testid="outcome-shop-receives">
          {t('outcome.shopReceives', { amount: formatRupiah(money.shopReceives) })}
          {money.fee
            ? ` · ${t((money.feeOnCustomer ?? 0) > 0 ? 'outcome.feeCustomer' : 'outcome.feeShop', {
                fee: formatRupiah(money.fee),
              })}`
            : ''}
        </p>
      )}
      {order.cash && (
        <div className="outcome-change" data-testid="outcome-change">
          <span>{t('cash.tenderedWas', { amount: formatRupiah(order.cash.tendered) })}</span>
          <strong>{t('cash.changeBig', { amount: formatRupiah(order.cash.change) })}</strong>
        </div>
      )}
      <p className="outcome-sub">{t(`method.${order.method}`)}</p>
      <ReceiptActions orderId={order.orderId} saleId={order.saleId} />
    </>
  );
}
