import { useState } from 'react';
import type { AccessView, ShiftView, StaffView } from '@shared/counter';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { PinPad } from '../../components/PinPad';
import { useCounter } from '../../stores/counter-store';

/**
 * Another cashier takes over the open shift: they pick their name and enter their own PIN.
 * The drawer stays; the next sales are in the new cashier's name (main journals who changed).
 */
export function ChangeCashier({ shift, access }: { shift: ShiftView; access: AccessView }) {
  const t = useT();
  const others = access.staff.filter((s) => s.role === 'cashier' && s.active && s.staffId !== shift.cashier.staffId);
  const [picked, setPicked] = useState<StaffView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="panel change-cashier" data-testid="change-cashier">
      <h2 className="panel-title">{t('change.title')}</h2>
      {others.length === 0 ? (
        <p className="hint">{t('change.none')}</p>
      ) : (
        <>
          <p className="hint">{t('change.hint')}</p>
          <div className="staff-pick">
            {others.map((c) => (
              <button
                key={c.staffId}
                type="button"
                className="btn btn-big"
                data-testid={`change-to-${c.name}`}
                onClick={() => {
                  setDone(null);
                  setPicked(c);
                }}
              >
                {t('change.to', { name: c.name })}
              </button>
            ))}
          </div>
        </>
      )}
      {done && (
        <p className="ok-text" role="status" data-testid="change-done">
          {t('change.done', { name: done })}
        </p>
      )}
      {picked && (
        <PinPad
          testId="cashier-pin-pad"
          title={t('pin.cashierTitle', { name: picked.name })}
          lockedForMs={picked.lockedForMs}
          onCancel={() => setPicked(null)}
          onSubmit={async (pin) => {
            await getPosApi().changeCashier({ staffId: picked.staffId, pin });
            // The header follows at once; counterChanged brings the same shift too.
            const api = getPosApi();
            void api.getCounter({}).then(useCounter.getState().setCounter, () => undefined);
            setDone(picked.name);
            setPicked(null);
          }}
        />
      )}
    </section>
  );
}
