import { PosError } from '@shared/errors';

export function exportCanceled(): PosError {
  return new PosError('busy', 'Export canceled.');
}
