import { formatRupiah } from '@shared/money';
import type { ShopZReport } from '@shared/owner/counter-contract';
import { ReportFigures } from '../components/ReportFigures';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/format';
import { zFigures } from '../lib/report-figures';

const DRAWER_ROWS = ['opening', 'cashSales', 'cashRefunds', 'cashIn', 'cashOut', 'expected'] as const;
const DRAWER_LABEL = {
  opening: 'shift.opening',
  cashSales: 'shift.cashSales',
  cashRefunds: 'shift.cashRefunds',
  cashIn: 'shift.cashIn',
  cashOut: 'shift.cashOut',
  expected: 'shift.expected',
} as const;

/**
 * One Z report: the same figures and tables the daily report shows (money by method, refunds,
 * what the shop keeps), then the drawer and the cash taken in and out.
 */
export function ZFigures({ z, timeZone }: { z: ShopZReport; timeZone: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="owner-z">
      <ReportFigures view={zFigures(z)} testId={`owner-z-figures-${z.scope}`} />
      <div className="report-tables">
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
    </div>
  );
}
