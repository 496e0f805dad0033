import { useState } from 'react';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDateTime } from '../../lib/format';
import { canVoid, hasOpenPart } from '../../lib/refund-draft';
import { useLoad } from '../../lib/use-load';
import { useCounter } from '../../stores/counter-store';
import { usePos } from '../../stores/pos-store';
import { RefundForm } from './RefundForm';
import '../../components/till.css';

/**
 * The sale a payment belongs to: its parts (cash, QRIS, VA), what was given back and by
 * whom, and "give money back" / "void". Refunds are new journal rows, never edits: this box
 * only shows what main answers.
 */
export function SaleBox({ saleId }: { saleId: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const counterSeq = useCounter((s) => s.counter?.seq ?? 0);
  const shift = useCounter((s) => s.counter?.shift ?? null);
  // Read again when a payment or the counter changed: the sale shown is always main's answer
  // (a refund's own answer included), never patched here.
  const {
    value: sale,
    error,
    show,
  } = useLoad(() => getPosApi().getSale({ saleId }), saleId, {
    revision: `${revision}/${counterSeq}`,
  });
  const [mode, setMode] = useState<'refund' | 'void' | null>(null);
  const [done, setDone] = useState<number | null>(null);

  if (!sale) return error ? <ErrorBox error={error} /> : null;
  const money: [string, number, string][] = [
    [t('sale.price'), sale.price, 'price'],
    [t('sale.paid'), sale.paid, 'paid'],
    ...(sale.remaining > 0 ? ([[t('sale.remaining'), sale.remaining, 'remaining']] as [string, number, string][]) : []),
    [t('sale.refunded'), sale.refunded, 'refunded'],
    [t('sale.refundable'), sale.refundable, 'refundable'],
  ];
  return (
    <section className="sale-box" data-testid="sale-box" data-state={sale.state}>
      <h3>
        {t('sale.title')} · {t(`sale.state.${sale.state}`)}
        {sale.cashier ? ` · ${t('sale.cashier')}: ${sale.cashier.name}` : ''}
      </h3>
      <dl className="sale-money">
        {money.map(([label, value, id]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`sale-${id}`}>{formatRupiah(value)}</dd>
          </div>
        ))}
      </dl>
      {sale.parts.length > 1 && (
        <>
          <h4>{t('sale.parts')}</h4>
          <ul className="sale-list" data-testid="sale-parts">
            {sale.parts.map((p) => (
              <li key={p.orderId}>
                {t(`method.${p.method}`)} {formatRupiah(p.price)} · {t(`state.${p.state}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {sale.refunds.length > 0 && (
        <>
          <h4>{t('sale.refunds')}</h4>
          <ul className="sale-list" data-testid="sale-refunds">
            {sale.refunds.map((r) => (
              <li key={r.refundId} data-kind={r.kind}>
                {t(`refund.kind.${r.kind}`)} <strong>{formatRupiah(r.amount)}</strong> ·{' '}
                {t(`refund.channel.${r.channel}`)} · {r.note} · {r.by} · {formatDateTime(r.at, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {done !== null && !mode && (
        <p className="ok-text" role="status" data-testid="refund-done">
          {t('refund.done', { amount: formatRupiah(done) })}
        </p>
      )}
      {mode ? (
        <RefundForm
          sale={sale}
          mode={mode}
          onCancel={() => setMode(null)}
          onDone={(next) => {
            setDone(next.refunded - sale.refunded);
            show(next);
            setMode(null);
          }}
        />
      ) : (
        sale.refundable > 0 &&
        !hasOpenPart(sale) && (
          <div className="sale-actions">
            <button
              type="button"
              className="btn btn-big"
              data-testid="refund-open"
              onClick={() => {
                setDone(null);
                setMode('refund');
              }}
            >
              {t('refund.button')}
            </button>
            {canVoid(sale, shift) && (
              <button
                type="button"
                className="btn btn-big btn-danger"
                data-testid="void-open"
                onClick={() => {
                  setDone(null);
                  setMode('void');
                }}
              >
                {t('refund.void')}
              </button>
            )}
          </div>
        )
      )}
    </section>
  );
}
