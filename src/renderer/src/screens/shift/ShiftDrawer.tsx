import { useState } from 'react';
import type { ShiftView, ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT, type MessageKey } from '../../i18n';
import { describeError, type ShownError } from '../../lib/errors';
import { digitsToAmount } from '../../lib/keypad';
import { ErrorBox } from '../../components/ErrorBox';

/** The open shift: its drawer as main counts it, cash in and out with a reason, and the close. */
export function ShiftDrawer({ shift, onClosed }: { shift: ShiftView; onClosed: (z: ZReport) => void }) {
  const t = useT();
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [counted, setCounted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const d = shift.drawer;
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const lines: [MessageKey, number, string][] = [
    ['shift.opening', d.opening, 'opening'],
    ['shift.cashSales', d.cashSales, 'cash-sales'],
    ['shift.cashRefunds', -d.cashRefunds, 'cash-refunds'],
    ['shift.cashIn', d.cashIn, 'cash-in'],
    ['shift.cashOut', -d.cashOut, 'cash-out'],
  ];
  return (
    <div className="shift-open-grid">
      <section className="panel" data-testid="shift-drawer">
        <h2 className="panel-title">{t('shift.drawerTitle', { name: shift.cashier.name })}</h2>
        <dl className="drawer-lines">
          {lines.map(([key, value, id]) => (
            <div key={id} className="drawer-line">
              <dt>{t(key)}</dt>
              <dd data-testid={`drawer-${id}`}>{formatRupiah(value)}</dd>
            </div>
          ))}
          <div className="drawer-line drawer-total">
            <dt>{t('shift.expected')}</dt>
            <dd data-testid="drawer-expected">{formatRupiah(d.expected)}</dd>
          </div>
        </dl>
        {shift.movements.length > 0 && (
          <ul className="movements" data-testid="movements">
            {shift.movements.map((m) => (
              <li key={m.id}>
                {t(m.kind === 'in' ? 'shift.in' : 'shift.out')} {formatRupiah(m.amount)} · {m.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form
        className="panel"
        data-testid="cash-move"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await getPosApi().moveCash({ kind, amount: digitsToAmount(amount), reason });
            setAmount('');
            setReason('');
          });
        }}
      >
        <h2 className="panel-title">{t('shift.moveTitle')}</h2>
        <div className="staff-pick">
          {(['in', 'out'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={`btn btn-big ${kind === k ? 'btn-primary' : ''}`}
              data-testid={`move-${k}`}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
            >
              {t(k === 'in' ? 'shift.in' : 'shift.out')}
            </button>
          ))}
        </div>
        <label className="field">
          <span>{t('shift.amount')}</span>
          <input
            inputMode="numeric"
            value={amount}
            data-testid="move-amount"
            onChange={(e) => setAmount(e.target.value.replace(/\D/g, '').slice(0, 9))}
          />
        </label>
        <label className="field">
          <span>{t('shift.reason')}</span>
          <input value={reason} maxLength={80} data-testid="move-reason" onChange={(e) => setReason(e.target.value)} />
        </label>
        <button
          type="submit"
          className="btn btn-big"
          data-testid="move-submit"
          disabled={busy || !amount || !reason.trim()}
        >
          {t('shift.moveSave')}
        </button>
      </form>
      <form
        className="panel"
        data-testid="shift-close"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            onClosed(await getPosApi().closeShift({ shiftId: shift.shiftId, countedCash: digitsToAmount(counted) }));
            setCounted('');
          });
        }}
      >
        <h2 className="panel-title">{t('shift.closeTitle')}</h2>
        <label className="field">
          <span>{t('shift.counted')}</span>
          <input
            inputMode="numeric"
            value={counted}
            data-testid="close-counted"
            onChange={(e) => setCounted(e.target.value.replace(/\D/g, '').slice(0, 9))}
          />
          <small>{formatRupiah(digitsToAmount(counted))}</small>
        </label>
        {shift.openSales > 0 && <p className="warn-text">{t('shift.openSales', { n: String(shift.openSales) })}</p>}
        {error && <ErrorBox error={error} />}
        <button
          type="submit"
          className="btn btn-big btn-primary"
          data-testid="close-submit"
          disabled={busy || counted === ''}
        >
          {t('shift.close')}
        </button>
      </form>
    </div>
  );
}
