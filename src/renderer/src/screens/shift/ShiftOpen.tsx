import { useState } from 'react';
import type { AccessView } from '@shared/counter';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { describeError, type ShownError } from '../../lib/errors';
import { digitsToAmount } from '../../lib/keypad';
import { ErrorBox } from '../../components/ErrorBox';
import { formatRupiah } from '@shared/money';

/** Opening a shift: who is at the counter (their PIN) and the starting cash counted into the drawer. */
export function ShiftOpen({ access, onOpened }: { access: AccessView; onOpened: () => void }) {
  const t = useT();
  const cashiers = access.staff.filter((s) => s.role === 'cashier' && s.active);
  const [staffId, setStaffId] = useState(cashiers[0]?.staffId ?? '');
  const [pin, setPin] = useState('');
  const [cash, setCash] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      await getPosApi().openShift({ staffId, pin, openingCash: digitsToAmount(cash) });
      setPin('');
      onOpened();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  if (cashiers.length === 0)
    return (
      <section className="panel" data-testid="shift-no-cashiers">
        <h2 className="panel-title">{t('shift.openTitle')}</h2>
        <p>{t('shift.noCashiers')}</p>
      </section>
    );
  return (
    <form
      className="panel shift-open"
      data-testid="shift-open"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <h2 className="panel-title">{t('shift.openTitle')}</h2>
      <div className="staff-pick" role="radiogroup" aria-label={t('shift.cashier')}>
        {cashiers.map((c) => (
          <button
            key={c.staffId}
            type="button"
            role="radio"
            aria-checked={c.staffId === staffId}
            className={`btn btn-big ${c.staffId === staffId ? 'btn-primary' : ''}`}
            data-testid={`shift-cashier-${c.name}`}
            onClick={() => setStaffId(c.staffId)}
          >
            {c.name}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('shift.pin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          data-testid="shift-pin"
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <label className="field">
        <span>{t('shift.openingCash')}</span>
        <input
          type="text"
          inputMode="numeric"
          value={cash}
          data-testid="shift-opening"
          onChange={(e) => setCash(e.target.value.replace(/\D/g, '').slice(0, 9))}
        />
        <small>{formatRupiah(digitsToAmount(cash))}</small>
      </label>
      {error && <ErrorBox error={error} />}
      <button type="submit" className="btn btn-big btn-primary" data-testid="shift-open-submit" disabled={busy || !pin}>
        {t('shift.open')}
      </button>
    </form>
  );
}
