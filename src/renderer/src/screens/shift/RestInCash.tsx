import { useState } from 'react';
import type { SaleView } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { changeFor, quickTenders } from '../../lib/cash';
import { digitsToAmount } from '../../lib/keypad';
import { useAction } from '../../lib/use-action';

/**
 * The rest of a part-paid sale in cash: what the customer hands over (typed, or a quick
 * note), the change shown big, then main writes the cash part and the sale is paid.
 * Enter with nothing typed is the exact amount, as on the keypad's cash panel.
 */
export function RestInCash({
  sale,
  onPaid,
  onCancel,
}: {
  sale: SaleView;
  onPaid: (change: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const due = sale.remaining;
  const [digits, setDigits] = useState('');
  const tendered = digits === '' ? due : digitsToAmount(digits);
  const change = changeFor(due, tendered);
  const { busy, error, run } = useAction(async (amount: number) => {
    const r = await getPosApi().payRestInCash({ saleId: sale.saleId, tendered: amount });
    onPaid(r.order.cash?.change ?? amount - due);
  });
  // Too little handed over is refused here, before main is asked.
  const pay = (amount: number) => {
    if (!busy && changeFor(due, amount) !== null) void run(amount);
  };
  return (
    <form
      className="refund-form rest-cash"
      data-testid="rest-cash"
      onSubmit={(e) => {
        e.preventDefault();
        pay(tendered);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3>
        {t('rest.payTitle')} · {t('cash.due')} <span data-testid="rest-due">{formatRupiah(due)}</span>
      </h3>
      <div className="rest-quick">
        {quickTenders(due).map((v, i) => (
          <button
            key={v}
            type="button"
            className="btn btn-big"
            data-testid={`rest-quick-${v}`}
            disabled={busy}
            onClick={() => pay(v)}
          >
            {i === 0 ? t('cash.exact') : formatRupiah(v)}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('cash.tendered')}</span>
        <input
          inputMode="numeric"
          autoFocus
          value={digits}
          placeholder={formatRupiah(due)}
          data-testid="rest-tendered"
          onChange={(e) => setDigits(e.target.value.replace(/\D/g, '').slice(0, 9))}
        />
      </label>
      <p className={change === null ? 'warn-text' : 'rest-change'} data-testid="rest-change">
        {change === null
          ? `${t('cash.short')} ${formatRupiah(due - tendered)}`
          : `${t('cash.change')} ${formatRupiah(change)}`}
      </p>
      {error && <ErrorBox error={error} />}
      <div className="sale-actions">
        <button type="submit" className="btn btn-big btn-ok" data-testid="rest-take" disabled={busy || change === null}>
          {t('rest.take', { amount: formatRupiah(tendered) })}
        </button>
        <button type="button" className="btn btn-big" onClick={onCancel}>
          {t('cash.back')}
        </button>
      </div>
    </form>
  );
}
