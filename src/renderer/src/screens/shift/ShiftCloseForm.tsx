import { useState } from 'react';
import type { ShiftView, ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import type { ShownError } from '../../lib/errors';
import { digitsToAmount } from '../../lib/keypad';
import { cashDigits } from '../../lib/shift-drawer';
import { ErrorBox } from '../../components/ErrorBox';

/** The close: the cash the cashier counted; main answers with the shift's Z report. */
export function ShiftCloseForm({
  shift,
  busy,
  error,
  act,
  onClosed,
}: {
  shift: ShiftView;
  busy: boolean;
  /** The last failure of either form on this screen. */
  error: ShownError | null;
  act: (work: () => Promise<unknown>) => void;
  onClosed: (z: ZReport) => void;
}) {
  const t = useT();
  const [counted, setCounted] = useState('');
  return (
    <form
      className="panel"
      data-testid="shift-close"
      onSubmit={(e) => {
        e.preventDefault();
        act(async () => {
          onClosed(await getPosApi().closeShift({ shiftId: shift.shiftId, countedCash: digitsToAmount(counted) }));
          setCounted('');
        });
      }}
    >
      <h2 className="panel-title">{t('shift.closeTitle')}</h2>
      <label className="field">
        <span>{t('shift.counted')}</span>
        <input
          inputMode="numeric"
          value={counted}
          data-testid="close-counted"
          onChange={(e) => setCounted(cashDigits(e.target.value))}
        />
        <small>{formatRupiah(digitsToAmount(counted))}</small>
      </label>
      {shift.openSales > 0 && <p className="warn-text">{t('shift.openSales', { n: String(shift.openSales) })}</p>}
      {error && <ErrorBox error={error} />}
      <button
        type="submit"
        className="btn btn-big btn-primary"
        data-testid="close-submit"
        disabled={busy || counted === ''}
      >
        {t('shift.close')}
      </button>
    </form>
  );
}
