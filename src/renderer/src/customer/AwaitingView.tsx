import type { OrderView } from '@shared/domain';
import { METHOD_RULES } from '@shared/methods';
import { customerTotal } from '@shared/fees';
import { formatRupiah } from '@shared/money';
import { groupVa, paymentVisual } from '../components/PaymentVisual';
import { QrCanvas } from '../components/QrCanvas';
import { useT } from '../i18n';
import { fitFont, paymentLayout, type Block } from '../lib/customer-layout';
import { formatCountdown } from '../lib/format';
import { useNow } from '../lib/use-now';

/** The number a customer types into a banking app, as large as the square allows. */
function VaBox({ bank, number, side }: { bank: string; number: string; side: number }) {
  const t = useT();
  const grouped = groupVa(number);
  const numberFont = fitFont(grouped, side, side * 0.16);
  const bankText = t('pay.vaBank', { bank });
  return (
    <div className="cust-va" style={{ width: side }}>
      <div className="cust-va-bank" style={{ fontSize: fitFont(bankText, side, numberFont * 0.8, 0.62) }}>
        {bankText}
      </div>
      <div className="cust-va-label" style={{ fontSize: Math.max(12, Math.floor(numberFont * 0.5)) }}>
        {t('pay.vaNumber')}
      </div>
      <div className="cust-va-number" data-testid="customer-va-number" style={{ fontSize: numberFont }}>
        {grouped}
      </div>
    </div>
  );
}

function Visual({ order, side }: { order: OrderView; side: number }) {
  const t = useT();
  const v = paymentVisual(order);
  const amount = formatRupiah(order.totalPayment ?? order.price);
  if (v.kind === 'qr')
    return (
      <QrCanvas
        text={v.text}
        size={side}
        testId="customer-qr"
        label={t(v.link ? 'pay.qrLinkAlt' : 'pay.qrAlt', { amount })}
      />
    );
  if (v.kind === 'va') return <VaBox bank={v.bank} number={v.number} side={side} />;
  if (v.kind === 'link')
    return (
      <div className="cust-link">
        <QrCanvas
          text={v.url}
          size={Math.floor(side * 0.8)}
          testId="customer-qr"
          label={t('pay.qrLinkAlt', { amount })}
        />
        <div className="cust-link-url">{v.url}</div>
      </div>
    );
  return (
    <div className="cust-visual-message" role={v.kind === 'invalid' ? 'alert' : undefined}>
      {t(v.kind === 'invalid' ? 'pay.qrInvalid' : 'pay.noPaymentData')}
    </div>
  );
}

/** Waiting for the customer: the QR or VA number, the total, what to do, the time left. */
export function AwaitingView({ order, width, height }: { order: OrderView; width: number; height: number }) {
  const t = useT();
  const now = useNow();
  const rule = METHOD_RULES[order.method];
  const countdown = formatCountdown(order.expiresAt, now);
  // What the customer pays: Pakasir's total, or on a round-price link the price as "at most".
  const shown = customerTotal(order);
  const total = shown.amount === null ? '—' : formatRupiah(shown.amount);
  const label = t(shown.atMost ? 'customer.totalAtMost' : 'customer.total');
  // A fee on top of the price is said, so the customer sees why the total is not round.
  const feeOnTop =
    !shown.atMost && order.totalPayment !== null && order.totalPayment > order.price
      ? t('customer.feeIncluded', {
          price: formatRupiah(order.price),
          fee: formatRupiah(order.totalPayment - order.price),
        })
      : null;
  const instruction =
    rule.kind === 'qris'
      ? t('customer.scan')
      : rule.kind === 'va'
        ? t('customer.transferTo', { bank: rule.bank ?? '' })
        : t('customer.scanLink');
  const blocks: Block[] = [
    { role: 'label', text: label },
    { role: 'total', text: total },
    ...(feeOnTop ? [{ role: 'small' as const, text: feeOnTop }] : []),
    { role: 'text', text: instruction },
    ...(rule.kind === 'qris' ? [{ role: 'small' as const, text: t('customer.merchant') }] : []),
    ...(countdown ? [{ role: 'small' as const, text: t('customer.expiresIn', { time: '00:00' }) }] : []),
  ];
  const layout = paymentLayout(width, height, blocks);
  const { fonts } = layout.stack;
  return (
    <div
      className={`cust-pay cust-${layout.orientation}`}
      style={{ padding: layout.pad, gap: layout.gap }}
      data-testid="customer-pay"
    >
      <div className="cust-visual" style={{ width: layout.visual, height: layout.visual }}>
        <Visual order={order} side={layout.visual} />
      </div>
      <div className="cust-side" style={{ width: layout.side.width, gap: layout.stack.gap }}>
        <div className="cust-total-label" style={{ fontSize: fonts.label }}>
          {label}
        </div>
        <div className="cust-total" data-testid="customer-total" style={{ fontSize: fonts.total }}>
          {total}
        </div>
        {feeOnTop && (
          <p className="cust-fee" data-testid="customer-fee" style={{ fontSize: fonts.small }}>
            {feeOnTop}
          </p>
        )}
        <p className="cust-instruction" style={{ fontSize: fonts.text }}>
          {instruction}
        </p>
        {rule.kind === 'qris' && (
          <p className="cust-merchant" style={{ fontSize: fonts.small }}>
            {t('customer.merchant')}
          </p>
        )}
        {countdown && (
          <div className="cust-countdown" data-testid="customer-countdown" style={{ fontSize: fonts.small }}>
            {t('customer.expiresIn', { time: countdown })}
          </div>
        )}
      </div>
    </div>
  );
}
