import type { ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { differenceTone, gatewayCheck } from '../../lib/z-report-view';

/** What went through Pakasir as recorded, beside what Pakasir confirmed when the shift was checked. */
export function GatewayPanel({ z }: { z: ZReport }) {
  const t = useT();
  const check = gatewayCheck(z);
  return (
    <section className="panel" data-testid="z-gateway">
      <h2 className="panel-title">{t('zreport.gateway')}</h2>
      <p data-testid="z-recorded">
        {t('zreport.recorded', { n: check.recordedCount, amount: formatRupiah(check.recordedAmount) })}
      </p>
      <p className={`z-check z-check-${check.tone}`} data-testid="z-check">
        {t(check.key, check.params)}
      </p>
      {z.check && z.check.differences.length > 0 && (
        <ul className="z-list">
          {z.check.differences.map((d) => (
            <li key={d.orderId} className="mono">
              {d.orderId} · {formatRupiah(d.amount)} · {t(`reconcile.kind.${d.kind}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MovementsPanel({ z }: { z: ZReport }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="panel" data-testid="z-movements">
      <h2 className="panel-title">{t('zreport.movements')}</h2>
      {z.movements.length === 0 ? (
        <p className="hint">{t('zreport.noMovements')}</p>
      ) : (
        <ul className="z-list">
          {z.movements.map((m) => (
            <li key={m.id}>
              {formatDateTime(m.at, lang)} · {t(m.kind === 'in' ? 'shift.in' : 'shift.out')}{' '}
              <strong>{formatRupiah(m.kind === 'in' ? m.amount : -m.amount)}</strong> · {m.reason}
              {m.by ? ` · ${m.by}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A business day's shifts, each opening its own Z report. */
export function ShiftsPanel({ z, onShift }: { z: ZReport; onShift: (shiftId: string) => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="panel z-shifts" data-testid="z-shifts">
      <h2 className="panel-title">{t('zreport.shifts')}</h2>
      {z.shifts.length === 0 ? (
        <p className="hint">{t('zreport.noShifts')}</p>
      ) : (
        <ul className="z-shift-list">
          {z.shifts.map((s) => {
            const st = differenceTone(s.difference);
            return (
              <li key={s.shiftId}>
                <button
                  type="button"
                  className="btn z-shift"
                  data-testid={`z-shift-${s.shiftId}`}
                  aria-label={t('zreport.shiftSee', { cashier: s.cashier })}
                  onClick={() => onShift(s.shiftId)}
                >
                  <span className="z-shift-who">{s.cashier}</span>
                  <span className="z-shift-when">
                    {formatDateTime(s.openedAt, lang)} –{' '}
                    {s.closedAt ? formatDateTime(s.closedAt, lang) : t('zreport.shiftOpen')}
                  </span>
                  {st && (
                    <span className={`z-shift-diff z-diff-${st}`}>
                      {t('zreport.difference')} {formatRupiah(s.difference ?? 0)}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
