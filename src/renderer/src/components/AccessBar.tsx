import { useState } from 'react';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { useCounter } from '../stores/counter-store';
import { OwnerPinPad } from './OwnerPinPad';
import './till.css';

/**
 * Who is at the till, and whether the owner is unlocked, in the header on every screen. The
 * lock is a convenience: main refuses owner-only calls on a locked till whatever this shows.
 */
export function AccessBar() {
  const t = useT();
  const shift = useCounter((s) => s.counter?.shift ?? null);
  const access = useCounter((s) => s.access);
  const [asking, setAsking] = useState(false);
  const lock = async () => {
    try {
      useCounter.getState().setAccess(await getPosApi().lockOwner({}));
    } catch {
      // accessChanged brings the truth either way; a lock that failed leaves the button as is.
    }
  };
  return (
    <div className="access-bar" data-testid="access-bar">
      <span className={`till-person ${shift ? '' : 'till-person-none'}`} data-testid="till-cashier">
        {shift ? t('access.cashier', { name: shift.cashier.name }) : t('access.noShift')}
      </span>
      {access?.ownerPinSet &&
        (access.ownerUnlocked ? (
          <button
            type="button"
            className="btn btn-small owner-chip owner-chip-on"
            data-testid="owner-lock-header"
            data-unlocked="true"
            title={t('access.lockHint')}
            onClick={() => void lock()}
          >
            <LockIcon open /> {t('access.ownerOn')} · {t('access.lock')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small owner-chip"
            data-testid="owner-unlock-header"
            data-unlocked="false"
            title={t('access.unlockHint')}
            onClick={() => setAsking(true)}
          >
            <LockIcon open={false} /> {t('access.unlock')}
          </button>
        ))}
      {asking && <OwnerPinPad onUnlocked={() => setAsking(false)} onCancel={() => setAsking(false)} />}
    </div>
  );
}

/** A padlock drawn inline: no icon font or emoji the till's system may lack. */
function LockIcon({ open }: { open: boolean }) {
  return (
    <svg className="lock-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <rect x="4" y="11" width="16" height="10" rx="2" fill="currentColor" />
      <path
        d={open ? 'M8 11V7a4 4 0 0 1 7.6-1.7' : 'M8 11V7a4 4 0 0 1 8 0v4'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
