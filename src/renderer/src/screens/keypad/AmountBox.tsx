import { formatRupiah } from '@shared/money';
import { MAX_AMOUNT } from '@shared/methods';
import { useT } from '../../i18n';

/** The amount being charged, big; from the cart when the sale is rung up with items. */
export function AmountBox({ amount, fromCart }: { amount: number; fromCart: boolean }) {
  const t = useT();
  return (
    <div className="amount-box">
      <div className="amount-label">{t('keypad.title')}</div>
      <output className="amount" data-testid="amount" aria-live="polite">
        {formatRupiah(amount)}
      </output>
      <div className="amount-hint">
        {fromCart ? t('items.amountFromCart') : t('keypad.max', { max: formatRupiah(MAX_AMOUNT) })}
      </div>
    </div>
  );
}
