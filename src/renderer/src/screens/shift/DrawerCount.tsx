import type { ShiftView } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { drawerLines } from '../../lib/shift-drawer';

/** The drawer as main counts it, and the cash moved in and out with its reason. */
export function DrawerCount({ shift }: { shift: ShiftView }) {
  const t = useT();
  return (
    <section className="panel" data-testid="shift-drawer">
      <h2 className="panel-title">{t('shift.drawerTitle', { name: shift.cashier.name })}</h2>
      <dl className="drawer-lines">
        {drawerLines(shift.drawer).map(({ label, value, id }) => (
          <div key={id} className="drawer-line">
            <dt>{t(label)}</dt>
            <dd data-testid={`drawer-${id}`}>{formatRupiah(value)}</dd>
          </div>
        ))}
        <div className="drawer-line drawer-total">
          <dt>{t('shift.expected')}</dt>
          <dd data-testid="drawer-expected">{formatRupiah(shift.drawer.expected)}</dd>
        </div>
      </dl>
      {shift.movements.length > 0 && (
        <ul className="movements" data-testid="movements">
          {shift.movements.map((m) => (
            <li key={m.id}>
              {t(m.kind === 'in' ? 'shift.in' : 'shift.out')} {formatRupiah(m.amount)} · {m.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
