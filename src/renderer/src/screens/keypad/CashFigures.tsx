import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { quickTenders } from '../../lib/cash';

/** What is due and what the customer handed over. */
export function CashDue({ amount, tendered }: { amount: number; tendered: number }) {
  const t = useT();
  return (
    <>
      <div className="cash-due">
        <span>{t('cash.due')}</span>
        <strong data-testid="cash-due">{formatRupiah(amount)}</strong>
      </div>
      <div className="cash-tendered">
        <span>{t('cash.tendered')}</span>
        <output data-testid="cash-tendered" aria-live="polite">
          {formatRupiah(tendered)}
        </output>
      </div>
    </>
  );
}

/** One tap for the usual notes: the exact amount and the next round sums above it. */
export function CashQuick({ amount, busy, onPay }: { amount: number; busy: boolean; onPay: (sum: number) => void }) {
  const t = useT();
  return (
    <div className="cash-quick">
      {quickTenders(amount).map((sum) => (
        <button
          key={sum}
          type="button"
          className="btn btn-big"
          data-testid={`cash-quick-${sum}`}
          disabled={busy}
          onClick={() => onPay(sum)}
        >
          {sum === amount ? t('cash.exact') : formatRupiah(sum)}
        </button>
      ))}
    </div>
  );
}

/** The change, big; while the cash is short, how much is missing. */
export function CashChange({ amount, tendered, change }: { amount: number; tendered: number; change: number | null }) {
  const t = useT();
  return (
    <div className={`cash-change ${change === null ? 'cash-short' : ''}`} data-testid="cash-change-box">
      <span>{change === null ? t('cash.short') : t('cash.change')}</span>
      <strong data-testid="cash-change">{formatRupiah(change ?? amount - tendered)}</strong>
    </div>
  );
}
