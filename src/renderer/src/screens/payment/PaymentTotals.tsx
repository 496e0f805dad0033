import type { OrderView } from '@shared/domain';
import { customerTotal } from '@shared/fees';
import { METHOD_RULES } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { MoneyBreakdown } from '../../components/MoneyBreakdown';
import { useT } from '../../i18n';
import { formatCountdown, secondsLeft } from '../../lib/format';
import type { LiveState } from '../../lib/live-state';

/** What the customer pays, how long the QR lasts, and what the till is doing about it now. */
export function PaymentTotals({ order, now, live }: { order: OrderView; now: number; live: LiveState }) {
  const t = useT();
  const countdown = formatCountdown(order.expiresAt, now);
  const left = secondsLeft(order.expiresAt, now);
  const shown = customerTotal(order);
  return (
    <>
      <div className="method-tag">{t(`method.${order.method}`)}</div>
      <div className="total-label">{t(shown.atMost ? 'pay.totalAtMost' : 'pay.total')}</div>
      <div className="total" data-testid="total">
        {shown.amount === null ? '—' : formatRupiah(shown.amount)}
      </div>
      {METHOD_RULES[order.method].kind === 'link' && order.feePayer === 'shop' ? (
        <p className="hint" data-testid="link-at-most">
          {t('pay.linkAtMost', { amount: formatRupiah(order.price) })}
        </p>
      ) : (
        <MoneyBreakdown order={order} />
      )}
      <div className={`countdown ${left !== null && left < 60 ? 'countdown-low' : ''}`} data-testid="countdown">
        {countdown === null ? '' : left === 0 ? t('pay.expired') : t('pay.expiresIn', { time: countdown })}
      </div>
      <div
        className={`live live-${live}`}
        data-testid="state"
        data-state={order.state}
        data-live={live}
        aria-live="polite"
      >
        <span className="live-dot" aria-hidden="true" />
        {t(`live.${live}`)}
      </div>
    </>
  );
}
