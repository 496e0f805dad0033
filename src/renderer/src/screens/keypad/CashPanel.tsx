import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderView } from '@shared/domain';
import type { CartEntry } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { cashFigures, typeTendered } from '../../lib/cash';
import type { KeypadKey } from '../../lib/keypad';
import { useAction } from '../../lib/use-action';
import { useCashKeys } from '../../lib/use-cash-keys';
import { ErrorBox } from '../../components/ErrorBox';
import { CashChange, CashDue, CashQuick } from './CashFigures';

const noteOf = (note: string) => (note.trim() ? { note: note.trim() } : {});
const itemsOf = (items: CartEntry[] | null) => (items && items.length > 0 ? { items } : {});

/**
 * Tunai: the cashier types (or taps) what the customer handed over; the change shows big.
 * Enter takes the cash (with nothing typed: the exact amount), Escape goes back. Less than
 * due, "rest by QRIS" makes it a split sale: the cash now, the rest as a QR.
 */
export function CashPanel({
  amount,
  note,
  items,
  onClose,
  onDone,
}: {
  amount: number;
  note: string;
  /** The cart being paid, if the sale was rung up with items: its lines go with the sale. */
  items: CartEntry[] | null;
  onClose: () => void;
  onDone: (order: OrderView) => void;
}) {
  const t = useT();
  const [digits, setDigits] = useState('');
  // The panel takes the focus: Enter is for it, not for a button focused behind it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const { typed, tendered, change, canSplit } = cashFigures(amount, digits);
  const action = useAction(async (work: () => Promise<OrderView>) => onDone(await work()));
  const { busy, error, setError, run } = action;
  const pay = useCallback(
    async (sum: number) => {
      if (busy) return;
      await run(
        async () => (await getPosApi().sellCash({ amount, tendered: sum, ...noteOf(note), ...itemsOf(items) })).order,
      );
    },
    [busy, run, amount, note, items],
  );
  const split = async () => {
    if (busy) return;
    await run(() =>
      getPosApi().chargeSplit({ amount, cash: typed, method: 'qris', ...noteOf(note), ...itemsOf(items) }),
    );
  };
  const onKey = useCallback(
    (k: KeypadKey) => {
      setError(null);
      setDigits((d) => typeTendered(d, k));
    },
    [setError],
  );
  const payTendered = useCallback(() => void pay(tendered), [pay, tendered]);
  useCashKeys({ onBack: onClose, onPay: payTendered, onKey });

  return (
    <div className="modal-backdrop" role="presentation">
      <div
        ref={box}
        tabIndex={-1}
        className="modal modal-wide cash-panel"
        role="dialog"
        aria-modal="true"
        aria-label={t('cash.title')}
        data-testid="cash-panel"
      >
        <CashDue amount={amount} tendered={tendered} />
        <CashQuick amount={amount} busy={busy} onPay={(sum) => void pay(sum)} />
        <CashChange amount={amount} tendered={tendered} change={change} />
        {error && <ErrorBox error={error} />}
        <div className="modal-actions">
          <button type="button" className="btn" data-testid="cash-back" onClick={onClose}>
            {t('cash.back')}
          </button>
          {canSplit && (
            <button
              type="button"
              className="btn btn-big"
              data-testid="cash-split"
              disabled={busy}
              onClick={() => void split()}
            >
              {t('cash.restQris', { amount: formatRupiah(amount - typed) })}
            </button>
          )}
          <button
            type="button"
            className="btn btn-big btn-primary"
            data-testid="cash-pay"
            disabled={busy || change === null}
            onClick={payTendered}
          >
            {t('cash.pay', { amount: formatRupiah(tendered) })}
          </button>
        </div>
        <p className="hint">{t('cash.hint')}</p>
      </div>
    </div>
  );
}
