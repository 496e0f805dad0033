import { useState } from 'react';
import type { AccessView } from '@shared/counter';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { OwnerPinPad } from '../../components/OwnerPinPad';
import { useAction } from '../../lib/use-action';
import { useCounter } from '../../stores/counter-store';

const digitsOnly = (v: string) => v.replace(/\D/g, '').slice(0, 8);

/**
 * The owner and the cashiers. First the owner sets a name and PIN (until then the till is
 * open for a first look, but gives no money back); the owner's PIN then unlocks owner-only
 * actions for a few idle minutes, as main enforces; an unlocked owner adds cashiers. PIN
 * fields never keep a PIN after the call.
 */
export function StaffSection() {
  const t = useT();
  const access = useCounter((s) => s.access);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [unlocking, setUnlocking] = useState(false);
  // Main's answer goes into the counter store at once (the header follows); the PIN is
  // cleared whether the call went through or not.
  const {
    busy,
    error,
    run: act,
  } = useAction(async (work: () => Promise<AccessView>) => {
    try {
      useCounter.getState().setAccess(await work());
      setName('');
    } finally {
      setPin('');
    }
  });
  if (!access) return null;
  const cashiers = access.staff.filter((s) => s.role === 'cashier');
  const pinField = (testId: string, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        data-testid={testId}
        onChange={(e) => setPin(digitsOnly(e.target.value))}
      />
    </label>
  );

  return (
    <fieldset className="card" data-testid="settings-staff">
      <legend>{t('staff.title')}</legend>
      {!access.ownerPinSet ? (
        <>
          <p className="hint">{t('staff.noOwner')}</p>
          <label className="field">
            <span>{t('staff.ownerName')}</span>
            <input value={name} maxLength={40} data-testid="owner-name" onChange={(e) => setName(e.target.value)} />
          </label>
          {pinField('owner-new-pin', t('staff.newPin'))}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="owner-set"
            disabled={busy || !name.trim() || pin.length < 4}
            onClick={() => void act(() => getPosApi().setOwnerPin({ name: name.trim(), pin }))}
          >
            {t('staff.setOwner')}
          </button>
        </>
      ) : !access.ownerUnlocked ? (
        <>
          <p className="hint">{t('staff.locked')}</p>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="owner-unlock"
            onClick={() => setUnlocking(true)}
          >
            {t('staff.unlock')}
          </button>
          {unlocking && <OwnerPinPad onUnlocked={() => setUnlocking(false)} onCancel={() => setUnlocking(false)} />}
        </>
      ) : (
        <>
          <p className="ok-text" data-testid="owner-unlocked">
            {t('staff.unlocked')}
          </p>
          <button
            type="button"
            className="btn"
            data-testid="owner-lock"
            onClick={() => void act(() => getPosApi().lockOwner({}))}
          >
            {t('staff.lock')}
          </button>
          <ul className="staff-list" data-testid="staff-list">
            {cashiers.map((c) => (
              <li key={c.staffId}>
                {c.name} {c.active ? '' : `(${t('staff.inactive')})`}
              </li>
            ))}
          </ul>
          <label className="field">
            <span>{t('staff.cashierName')}</span>
            <input value={name} maxLength={40} data-testid="cashier-name" onChange={(e) => setName(e.target.value)} />
          </label>
          {pinField('cashier-pin', t('staff.cashierPin'))}
          <button
            type="button"
            className="btn"
            data-testid="cashier-add"
            disabled={busy || !name.trim() || pin.length < 4}
            onClick={() => void act(() => getPosApi().addCashier({ name: name.trim(), pin }))}
          >
            {t('staff.addCashier')}
          </button>
        </>
      )}
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
