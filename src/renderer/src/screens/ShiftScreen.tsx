import { useEffect, useState } from 'react';
import type { ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { refreshCounter, useCounter } from '../stores/counter-store';
import { ShiftOpen } from './shift/ShiftOpen';
import { ShiftDrawer } from './shift/ShiftDrawer';
import { ChangeCashier } from './shift/ChangeCashier';
import { UnpaidSales } from './shift/UnpaidSales';

/**
 * The shift: open it (a cashier's PIN and the starting cash), see the drawer, cash in and
 * out with a reason, change cashier, finish part-paid sales, and close it with the counted
 * cash. The counter store keeps the newer of an answer and an event (seq), so two windows
 * never show an older drawer.
 */
export function ShiftScreen() {
  const t = useT();
  const counter = useCounter((s) => s.counter);
  const access = useCounter((s) => s.access);
  const [closed, setClosed] = useState<ZReport | null>(null);

  // Fresh figures whenever the tab is opened, whatever events were missed meanwhile.
  useEffect(() => refreshCounter(getPosApi()), []);

  if (!counter || !access) return <div className="loading">{t('app.loading')}</div>;
  return (
    <div className="shift-screen" data-testid="shift-screen">
      {closed && (
        <section className="panel shift-closed" data-testid="shift-closed">
          <h2 className="panel-title">{t('shift.closedTitle')}</h2>
          <dl className="drawer-lines">
            <dt>{t('shift.expected')}</dt>
            <dd data-testid="closed-expected">{formatRupiah(closed.drawer.expected)}</dd>
            <dt>{t('shift.counted')}</dt>
            <dd data-testid="closed-counted">{formatRupiah(closed.drawer.counted ?? 0)}</dd>
            <dt>{t('shift.difference')}</dt>
            <dd data-testid="closed-difference" className={(closed.drawer.difference ?? 0) < 0 ? 'neg' : ''}>
              {formatRupiah(closed.drawer.difference ?? 0)}
            </dd>
            <dt>{t('shift.gross')}</dt>
            <dd>{formatRupiah(closed.gross)}</dd>
          </dl>
          <p className="hint">{t('shift.closedHint')}</p>
        </section>
      )}
      {counter.shift ? (
        <>
          <UnpaidSales sales={counter.unpaidSales} />
          <ShiftDrawer shift={counter.shift} onClosed={(z) => setClosed(z)} />
          <ChangeCashier shift={counter.shift} access={access} />
        </>
      ) : (
        <ShiftOpen access={access} onOpened={() => setClosed(null)} />
      )}
    </div>
  );
}
