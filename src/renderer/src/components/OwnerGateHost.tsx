import { useT } from '../i18n';
import { useOwnerGate } from '../stores/owner-gate-store';
import { OwnerPinPad } from './OwnerPinPad';

/** Shows the owner's PIN pad when an owner-only call met a locked till; the call then goes on. */
export function OwnerGateHost() {
  const t = useT();
  const asking = useOwnerGate((s) => s.asking);
  const settle = useOwnerGate((s) => s.settle);
  if (!asking) return null;
  return <OwnerPinPad why={t('pin.ownerWhy')} onUnlocked={() => settle(true)} onCancel={() => settle(false)} />;
}
