import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderView } from '@shared/domain';
import type { CartEntry } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { changeFor, quickTenders } from '../../lib/cash';
import { describeError, type ShownError } from '../../lib/errors';
import { digitsToAmount, keyFromKeyboard } from '../../lib/keypad';
import { ErrorBox } from '../../components/ErrorBox';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const typed = digitsToAmount(digits);
  const tendered = digits === '' ? amount : typed;
  const change = changeFor(amount, tendered);
  const canSplit = typed > 0 && typed < amount;

  const run = useCallback(
    async (work: () => Promise<OrderView>) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        onDone(await work());
      } catch (e) {
        setError(describeError(e));
      } finally {
        setBusy(false);
      }
    },
    [busy, onDone],
  );
  const pay = useCallback(
    (sum: number) =>
      run(
        async () => (await getPosApi().sellCash({ amount, tendered: sum, ...noteOf(note), ...itemsOf(items) })).order,
      ),
    [run, amount, note, items],
  );
  const split = useCallback(
    () =>
      run(() => getPosApi().chargeSplit({ amount, cash: typed, method: 'qris', ...noteOf(note), ...itemsOf(items) })),
    [run, amount, typed, note, items],
  );

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === 'Escape') {
        ev.preventDefault();
        onClose();
      } else if (ev.key === 'Enter') {
        if (ev.target instanceof HTMLButtonElement) return;
        ev.preventDefault();
        void pay(tendered);
      } else {
        const k = keyFromKeyboard(ev.key);
        if (!k) return;
        ev.preventDefault();
        setError(null);
        setDigits((d) => (k === 'back' ? d.slice(0, -1) : k === 'clear' ? '' : (d + k).replace(/^0+/, '').slice(0, 9)));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, pay, tendered]);

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
        <div className="cash-quick">
          {quickTenders(amount).map((sum) => (
            <button
              key={sum}
              type="button"
              className="btn btn-big"
              data-testid={`cash-quick-${sum}`}
              disabled={busy}
              onClick={() => void pay(sum)}
            >
              {sum === amount ? t('cash.exact') : formatRupiah(sum)}
            </button>
          ))}
        </div>
        <div className={`cash-change ${change === null ? 'cash-short' : ''}`} data-testid="cash-change-box">
          <span>{change === null ? t('cash.short') : t('cash.change')}</span>
          <strong data-testid="cash-change">{formatRupiah(change ?? amount - tendered)}</strong>
        </div>
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
            onClick={() => void pay(tendered)}
          >
            {t('cash.pay', { amount: formatRupiah(tendered) })}
          </button>
        </div>
        <p className="hint">{t('cash.hint')}</p>
      </div>
    </div>
  );
}
