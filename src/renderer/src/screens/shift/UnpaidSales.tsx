import { useState } from 'react';
import type { SaleView } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { RefundForm } from '../history/RefundForm';
import { RestInCash } from './RestInCash';

/**
 * Sales of this shift with a part paid and the rest still due (their QRIS or VA failed or
 * expired): the cashier takes the rest in cash, or voids the sale and gives back what was paid.
 */
export function UnpaidSales({ sales }: { sales: SaleView[] }) {
  const t = useT();
  const [open, setOpen] = useState<{ saleId: string; mode: 'cash' | 'void' } | null>(null);
  const [paid, setPaid] = useState<{ change: number } | null>(null);
  if (sales.length === 0 && !paid) return null;
  return (
    <section className="panel unpaid-sales" data-testid="unpaid-sales">
      <h2 className="panel-title">{t('rest.title')}</h2>
      {paid && (
        <p className="ok-text rest-change" role="status" data-testid="rest-done">
          {t('rest.done', { amount: formatRupiah(paid.change) })}
        </p>
      )}
      {sales.length > 0 && <p className="hint">{t('rest.hint')}</p>}
      <ul className="rest-list">
        {sales.map((s) => (
          <li key={s.saleId} className="rest-item" data-testid="unpaid-sale" data-sale-id={s.saleId}>
            <span className="grow">
              {t('rest.line', { price: formatRupiah(s.price), paid: formatRupiah(s.paid) })}
              {s.cashier ? ` · ${s.cashier.name}` : ''}
            </span>
            <span className="rest-due" data-testid="unpaid-due">
              {t('rest.due', { amount: formatRupiah(s.remaining) })}
            </span>
            <button
              type="button"
              className="btn btn-big btn-primary"
              data-testid="rest-pay"
              onClick={() => {
                setPaid(null);
                setOpen({ saleId: s.saleId, mode: 'cash' });
              }}
            >
              {t('rest.pay')}
            </button>
            {s.refundable > 0 && (
              <button
                type="button"
                className="btn btn-big btn-danger"
                data-testid="rest-void"
                onClick={() => {
                  setPaid(null);
                  setOpen({ saleId: s.saleId, mode: 'void' });
                }}
              >
                {t('rest.void')}
              </button>
            )}
            {open?.saleId === s.saleId && open.mode === 'cash' && (
              <RestInCash
                sale={s}
                onCancel={() => setOpen(null)}
                onPaid={(change) => {
                  setPaid({ change });
                  setOpen(null);
                }}
              />
            )}
            {open?.saleId === s.saleId && open.mode === 'void' && (
              <RefundForm sale={s} mode="void" onCancel={() => setOpen(null)} onDone={() => setOpen(null)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
