import type { ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { useLanguage, useT } from '../../i18n';
import { formatCount } from '../../lib/format';
import { differenceTone, zDrawerLines, zMoneyLines, type ZLine } from '../../lib/z-report-view';
import { GatewayPanel, MovementsPanel, ShiftsPanel } from './ZReportPanels';

/** The Z report's figures as main froze them: sales by method, money, the drawer, Pakasir, cash moves, shifts. */
export function ZReportBody({ z, onShift }: { z: ZReport; onShift: (shiftId: string) => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const tone = differenceTone(z.drawer.difference);
  const moneyLine = (l: ZLine) => (
    <div key={l.testId} className={`drawer-line ${l.strong ? 'drawer-total' : ''}`}>
      <dt>{t(l.key)}</dt>
      <dd data-testid={l.testId}>
        {l.out && l.amount > 0 ? '− ' : ''}
        {formatRupiah(l.amount)}
      </dd>
    </div>
  );
  return (
    <div className="z-grid">
      <section className="panel z-methods" data-testid="z-methods">
        <h2 className="panel-title">{t('zreport.byMethod')}</h2>
        {z.byMethod.length === 0 ? (
          <p className="hint">{t('zreport.noSales')}</p>
        ) : (
          <table className="table z-table">
            <thead>
              <tr>
                <th>{t('zreport.col.method')}</th>
                <th className="num">{t('zreport.col.count')}</th>
                <th className="num">{t('zreport.col.paid')}</th>
                <th className="num">{t('zreport.col.fee')}</th>
                <th className="num">{t('zreport.col.receives')}</th>
              </tr>
            </thead>
            <tbody>
              {z.byMethod.map((m) => (
                <tr key={m.method} data-testid={`z-method-${m.method}`}>
                  <td>{t(`method.${m.method}`)}</td>
                  <td className="num">{formatCount(m.count, lang)}</td>
                  <td className="num">{formatRupiah(m.totalPaid)}</td>
                  <td className="num">{m.fee > 0 ? `− ${formatRupiah(m.fee)}` : formatRupiah(0)}</td>
                  <td className="num">{formatRupiah(m.shopReceives)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {z.needsReview > 0 && <p className="warn-text">{t('zreport.needsReview', { n: z.needsReview })}</p>}
        {z.openSales > 0 && <p className="warn-text">{t('zreport.openSales', { n: z.openSales })}</p>}
      </section>

      <section className="panel" data-testid="z-money">
        <h2 className="panel-title">{t('zreport.money')}</h2>
        <dl className="drawer-lines">{zMoneyLines(z).map(moneyLine)}</dl>
        {z.refunds.count > 0 && (
          <p className="hint" data-testid="z-refunds-line">
            {t('zreport.refundsLine', { n: z.refunds.count, cash: formatRupiah(z.refunds.cash) })}
            {' · '}
            {z.refunds.byChannel
              .map((c) => `${t(`zreport.channel.${c.channel}`)} ${formatRupiah(c.amount)}`)
              .join(' · ')}
          </p>
        )}
      </section>

      <section className="panel" data-testid="z-drawer">
        <h2 className="panel-title">{t('zreport.drawer')}</h2>
        <dl className="drawer-lines">{zDrawerLines(z).map(moneyLine)}</dl>
        {tone === null ? (
          <p className="hint">{t('zreport.notCounted')}</p>
        ) : (
          <div className={`z-diff z-diff-${tone}`} data-testid="z-difference" data-tone={tone}>
            <span>{t('zreport.difference')}</span>
            <strong>
              {tone === 'even'
                ? t('zreport.diff.even')
                : t(`zreport.diff.${tone}`, { amount: formatRupiah(Math.abs(z.drawer.difference ?? 0)) })}
            </strong>
          </div>
        )}
      </section>

      <GatewayPanel z={z} />
      <MovementsPanel z={z} />
      {z.scope === 'day' && <ShiftsPanel z={z} onShift={onShift} />}
    </div>
  );
}
