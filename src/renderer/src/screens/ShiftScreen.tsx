import { useCallback, useEffect, useState } from 'react';
import type { AccessView, CounterView, ZReport } from '@shared/counter';
import type { ZReportRef } from '@shared/contract/counter-calls';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { describeError, type ShownError } from '../lib/errors';
import { ErrorBox } from '../components/ErrorBox';
import { usePos } from '../stores/pos-store';
import { ShiftOpen } from './shift/ShiftOpen';
import { ShiftDrawer } from './shift/ShiftDrawer';
import { ZReportScreen } from './zreport/ZReportScreen';

/**
 * The shift: open it (a cashier's PIN and the starting cash), see the drawer, cash in and
 * out with a reason, and close it with the counted cash, which shows its Z report. Any day's
 * and any shift's Z report, and closing the business day, are one button away. Main keeps the
 * newer of an answer and an event (seq), so two windows never show an older drawer.
 */
export function ShiftScreen() {
  const t = useT();
  const [counter, setCounter] = useState<CounterView | null>(null);
  const [access, setAccess] = useState<AccessView | null>(null);
  const [z, setZ] = useState<{ start: ZReportRef; initial: ZReport | null } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const today = usePos((s) => s.businessDay?.day ?? null);

  useEffect(() => {
    const api = getPosApi();
    const keep = (next: CounterView) => setCounter((c) => (c && c.seq > next.seq ? c : next));
    api.getCounter({}).then(keep, (e: unknown) => setError(describeError(e)));
    api.getAccess({}).then(setAccess, (e: unknown) => setError(describeError(e)));
    const offC = api.on('counterChanged', keep);
    const offA = api.on('accessChanged', setAccess);
    return () => {
      offC();
      offA();
    };
  }, []);
  const closeZ = useCallback(() => setZ(null), []);

  if (z) return <ZReportScreen start={z.start} initial={z.initial} onClose={closeZ} />;
  if (!counter || !access)
    return <div className="loading">{error ? <ErrorBox error={error} /> : t('app.loading')}</div>;
  const day = counter.shift?.businessDay ?? today;
  return (
    <div className="shift-screen" data-testid="shift-screen">
      {day && (
        <div className="shift-tools">
          <button
            type="button"
            className="btn btn-big"
            data-testid="open-zreports"
            onClick={() => setZ({ start: { day }, initial: null })}
          >
            {t('zreport.open')}
          </button>
          <span className="hint">{t('zreport.openHint')}</span>
        </div>
      )}
      {counter.shift ? (
        <ShiftDrawer
          shift={counter.shift}
          onClosed={(report) => setZ({ start: { shiftId: report.id }, initial: report })}
        />
      ) : (
        <ShiftOpen access={access} onOpened={() => setZ(null)} />
      )}
    </div>
  );
}
