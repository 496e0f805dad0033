import { useCallback, useEffect, useState } from 'react';
import type { ZReport } from '@shared/counter';
import type { ZReportRef } from '@shared/contract/counter-calls';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { refreshCounter, useCounter } from '../stores/counter-store';
import { usePos } from '../stores/pos-store';
import { ShiftOpen } from './shift/ShiftOpen';
import { ShiftDrawer } from './shift/ShiftDrawer';
import { ChangeCashier } from './shift/ChangeCashier';
import { UnpaidSales } from './shift/UnpaidSales';
import { ZReportScreen } from './zreport/ZReportScreen';

/**
 * The shift: open it (a cashier's PIN and the starting cash), see the drawer, cash in and
 * out with a reason, change cashier, finish part-paid sales, and close it with the counted
 * cash, which shows its Z report. Any day's and any shift's Z report, and closing the
 * business day, are one button away. The counter store keeps the newer of an answer and an
 * event (seq), so two windows never show an older drawer.
 */
export function ShiftScreen() {
  const t = useT();
  const counter = useCounter((s) => s.counter);
  const access = useCounter((s) => s.access);
  const [z, setZ] = useState<{ start: ZReportRef; initial: ZReport | null } | null>(null);
  const today = usePos((s) => s.businessDay?.day ?? null);

  // Fresh figures whenever the tab is opened, whatever events were missed meanwhile.
  useEffect(() => refreshCounter(getPosApi()), []);
  const closeZ = useCallback(() => setZ(null), []);

  if (z) return <ZReportScreen start={z.start} initial={z.initial} onClose={closeZ} />;
  if (!counter || !access) return <div className="loading">{t('app.loading')}</div>;
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
        <>
          <UnpaidSales sales={counter.unpaidSales} />
          <ShiftDrawer
            shift={counter.shift}
            onClosed={(report) => setZ({ start: { shiftId: report.id }, initial: report })}
          />
          <ChangeCashier shift={counter.shift} access={access} />
        </>
      ) : (
        <ShiftOpen access={access} onOpened={() => setZ(null)} />
      )}
    </div>
  );
}
