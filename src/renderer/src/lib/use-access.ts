import { useEffect, useState } from 'react';
import type { AccessView } from '@shared/counter';
import { getPosApi } from '../api/pos-api';

/** Who may do what at this till, as main says, kept current (the newer of an answer and an event). */
export function useAccess(): AccessView | null {
  const [access, setAccess] = useState<AccessView | null>(null);
  useEffect(() => {
    const api = getPosApi();
    const keep = (next: AccessView) => setAccess((a) => (a && a.seq > next.seq ? a : next));
    api.getAccess({}).then(keep, () => undefined);
    return api.on('accessChanged', keep);
  }, []);
  return access;
}

/** Owner-only actions are refused now: an owner PIN exists and the owner has not unlocked. */
export function ownerLocked(access: AccessView | null): boolean {
  return !!access && access.ownerPinSet && !access.ownerUnlocked;
}
