import { useState } from 'react';
import type { AccessView } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { digitsToAmount } from '../../lib/keypad';
import { PinPad } from '../../components/PinPad';

/**
 * Opening a shift: who is at the counter and the starting cash counted into the drawer; then
 * that cashier's PIN on the pad. Main checks the PIN and opens nothing on a wrong one.
 */
export function ShiftOpen({ access, onOpened }: { access: AccessView; onOpened: () => void }) {
  const t = useT();
  const cashiers = access.staff.filter((s) => s.role === 'cashier' && s.active);
  const [staffId, setStaffId] = useState(cashiers[0]?.staffId ?? '');
  const [cash, setCash] = useState('');
  const [asking, setAsking] = useState(false);
  const who = cashiers.find((c) => c.staffId === staffId) ?? null;
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
        if (who) setAsking(true);
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
        <span>{t('shift.openingCash')}</span>
        <input
          type="text"
          inputMode="numeric"
          autoFocus
          value={cash}
          data-testid="shift-opening"
          onChange={(e) => setCash(e.target.value.replace(/\D/g, '').slice(0, 9))}
        />
        <small>{formatRupiah(digitsToAmount(cash))}</small>
      </label>
      <button type="submit" className="btn btn-big btn-primary" data-testid="shift-open-submit" disabled={!who}>
        {t('shift.open')}
      </button>
      {asking && who && (
        <PinPad
          testId="cashier-pin-pad"
          title={t('pin.cashierTitle', { name: who.name })}
          lockedForMs={who.lockedForMs}
          onCancel={() => setAsking(false)}
          onSubmit={async (pin) => {
            await getPosApi().openShift({ staffId: who.staffId, pin, openingCash: digitsToAmount(cash) });
            setAsking(false);
            onOpened();
          }}
        />
      )}
    </form>
  );
}
