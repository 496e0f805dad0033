import { useEffect, useState } from 'react';
import type { AccessView, CounterView, ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { describeError, type ShownError } from '../lib/errors';
import { ErrorBox } from '../components/ErrorBox';
import { ShiftOpen } from './shift/ShiftOpen';
import { ShiftDrawer } from './shift/ShiftDrawer';

/**
 * The shift: open it (a cashier's PIN and the starting cash), see the drawer, cash in and
 * out with a reason, and close it with the counted cash. Main keeps the newer of an answer
 * and an event (seq), so two windows never show an older drawer.
 */
export function ShiftScreen() {
  const t = useT();
  const [counter, setCounter] = useState<CounterView | null>(null);
  const [access, setAccess] = useState<AccessView | null>(null);
  const [closed, setClosed] = useState<ZReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

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

  if (!counter || !access)
    return <div className="loading">{error ? <ErrorBox error={error} /> : t('app.loading')}</div>;
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
        <ShiftDrawer shift={counter.shift} onClosed={(z) => setClosed(z)} />
      ) : (
        <ShiftOpen access={access} onOpened={() => setClosed(null)} />
      )}
    </div>
  );
}
