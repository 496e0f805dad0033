import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { useCounter } from '../stores/counter-store';
import { PinPad } from './PinPad';

/** The owner's PIN on the pad: unlocks owner-only actions in main for a few idle minutes. */
export function OwnerPinPad({ why, onUnlocked, onCancel }: { why?: string; onUnlocked(): void; onCancel(): void }) {
  const t = useT();
  const owner = useCounter((s) => s.access?.staff.find((p) => p.role === 'owner') ?? null);
  return (
    <PinPad
      testId="owner-pin-pad"
      title={t('pin.ownerTitle')}
      who={why ?? owner?.name}
      lockedForMs={owner?.lockedForMs ?? 0}
      onCancel={onCancel}
      onSubmit={async (pin) => {
        useCounter.getState().setAccess(await getPosApi().unlockOwner({ pin }));
        onUnlocked();
      }}
    />
  );
}
