import type { counterId } from './counter-id';

/** English for the counter: the same keys as counter-id.ts (the type refuses a missing one). */
export const counterEn: Record<keyof typeof counterId, string> = {
  'method.cash': 'Cash',
  'error.owner_required': 'Only the owner may do this. Enter the owner PIN first.',
  'error.pin_wrong': 'Wrong PIN. Nothing was changed.',
  'error.pin_locked': 'Too many wrong PINs. Wait a moment and try again. Nothing was changed.',
  'error.no_shift': 'Open a shift first: cash goes into a drawer whose starting cash was counted.',
};
