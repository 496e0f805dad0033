import { formatRupiah } from '@shared/money';
import type { RefundTotals } from '@shared/refunds';
import { useLanguage, useT } from '../i18n';
import { formatCount } from '../lib/format';

/** Money given back (refunds and voids) by how it went back, and what the shop keeps after it. */
export function RefundFigures({
  refunds,
  netReceived,
  netAfterRefunds,
}: {
  refunds: RefundTotals;
  netReceived: number;
  netAfterRefunds: number;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="owner-refunds" data-testid="owner-refunds">
      <div className="stats">
        <div className="stat">
          <div className="stat-label">{t('report.net')}</div>
          <div className="stat-value">{formatRupiah(netReceived)}</div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('owner.refunds.total')}</div>
          <div className="stat-value" data-testid="owner-refunds-amount">
            − {formatRupiah(refunds.amount)}
          </div>
          <div className="stat-sub">
            {t('owner.refunds.count', { n: formatCount(refunds.count, lang) })}
            {refunds.cash > 0 ? ` · ${formatRupiah(refunds.cash)} ${t('owner.refunds.fromDrawer')}` : ''}
          </div>
        </div>
        <div className="stat stat-main">
          <div className="stat-label">{t('owner.refunds.netAfter')}</div>
          <div className="stat-value" data-testid="owner-net-after-refunds">
            {formatRupiah(netAfterRefunds)}
          </div>
        </div>
      </div>
      {refunds.byChannel.length > 0 && (
        <table className="table">
          <caption>{t('owner.refunds.byChannel')}</caption>
          <tbody>
            {refunds.byChannel.map((c) => (
              <tr key={c.channel}>
                <td>{t(`owner.refunds.channel.${c.channel}`)}</td>
                <td className="num">{formatCount(c.count, lang)}</td>
                <td className="num">{formatRupiah(c.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
