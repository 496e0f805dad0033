import { formatRupiah } from '@shared/money';
import type { ShopZReport } from '@shared/owner/counter-contract';
import { useLanguage, useT } from '../i18n';
import { formatCount, formatDateTime } from '../lib/format';
import { RefundFigures } from './RefundFigures';

const DRAWER_ROWS = ['opening', 'cashSales', 'cashRefunds', 'cashIn', 'cashOut', 'expected'] as const;
const DRAWER_LABEL = {
  opening: 'shift.opening',
  cashSales: 'shift.cashSales',
  cashRefunds: 'shift.cashRefunds',
  cashIn: 'shift.cashIn',
  cashOut: 'shift.cashOut',
  expected: 'shift.expected',
} as const;

/** One Z report's figures: money by method (cash included), refunds and net, the drawer, cash in and out. */
export function ZFigures({ z, timeZone }: { z: ShopZReport; timeZone: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="owner-z" data-testid={`owner-z-figures-${z.scope}`}>
      <div className="stats">
        <div className="stat">
          <div className="stat-label">{t('report.paid')}</div>
          <div className="stat-value">{formatCount(z.paidCount, lang)}</div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('report.gross')}</div>
          <div className="stat-value" data-testid="owner-z-gross">
            {formatRupiah(z.gross)}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('report.fees')}</div>
          <div className="stat-value">− {formatRupiah(z.fees)}</div>
        </div>
      </div>
      <RefundFigures refunds={z.refunds} netReceived={z.netReceived} netAfterRefunds={z.netAfterRefunds} />
      <div className="report-tables">
        <table className="table">
          <caption>{t('report.byMethod')}</caption>
          <tbody>
            {z.byMethod.map((m) => (
              <tr key={m.method}>
                <td>{t(`method.${m.method}`)}</td>
                <td className="num">{formatCount(m.count, lang)}</td>
                <td className="num">{formatRupiah(m.totalPaid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table" data-testid="owner-z-drawer">
          <caption>{t('owner.z.drawer')}</caption>
          <tbody>
            {DRAWER_ROWS.map((k) => (
              <tr key={k}>
                <td>{t(DRAWER_LABEL[k])}</td>
                <td className="num">{formatRupiah(z.drawer[k])}</td>
              </tr>
            ))}
            <tr>
              <td>{t('owner.z.counted')}</td>
              <td className="num">
                {z.drawer.counted === null ? t('owner.z.notCounted') : formatRupiah(z.drawer.counted)}
              </td>
            </tr>
            {z.drawer.difference !== null && (
              <tr className={z.drawer.difference < 0 ? 'warn-text' : ''}>
                <td>{t('shift.difference')}</td>
                <td className="num" data-testid="owner-z-difference">
                  {z.drawer.difference > 0 ? '+' : ''}
                  {formatRupiah(z.drawer.difference)}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {z.movements.length > 0 && (
        <table className="table">
          <caption>{t('owner.z.movements')}</caption>
          <tbody>
            {z.movements.map((m, i) => (
              <tr key={i}>
                <td>{formatDateTime(m.at, lang, timeZone)}</td>
                <td>{t(m.kind === 'in' ? 'shift.in' : 'shift.out')}</td>
                <td>{m.reason}</td>
                <td>{m.by ?? ''}</td>
                <td className="num">{formatRupiah(m.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
