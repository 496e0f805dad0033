import { useState } from 'react';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { digitsToAmount } from '../../lib/keypad';
import { cashDigits } from '../../lib/shift-drawer';

/** Cash put in or taken out of the drawer, always with a reason. */
export function CashMoveForm({ busy, act }: { busy: boolean; act: (work: () => Promise<unknown>) => void }) {
  const t = useT();
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form
      className="panel"
      data-testid="cash-move"
      onSubmit={(e) => {
        e.preventDefault();
        act(async () => {
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
          onChange={(e) => setAmount(cashDigits(e.target.value))}
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
  );
}
