import type { ZReport } from '@shared/counter';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { differenceTone } from '../../lib/z-report-view';

/** The four figures an owner looks for first, above the fold at 1024x768: net, expected, counted, difference. */
export function ZReportTotals({ z }: { z: ZReport }) {
  const t = useT();
  const tone = differenceTone(z.drawer.difference);
  return (
    <div className="z-totals" data-testid="z-totals">
      <div className="stat stat-main">
        <div className="stat-label">{t('zreport.net')}</div>
        <div className="stat-value" data-testid="z-total-net">
          {formatRupiah(z.netAfterRefunds)}
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('shift.expected')}</div>
        <div className="stat-value">{formatRupiah(z.drawer.expected)}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('shift.counted')}</div>
        <div className="stat-value">{z.drawer.counted === null ? '–' : formatRupiah(z.drawer.counted)}</div>
      </div>
      <div
        className={`stat z-stat-diff ${tone ? `z-diff-${tone}` : ''}`}
        data-testid="z-total-diff"
        data-tone={tone ?? ''}
      >
        <div className="stat-label">{t('zreport.difference')}</div>
        <div className="stat-value">
          {z.drawer.difference === null
            ? '–'
            : `${z.drawer.difference > 0 ? '+' : ''}${formatRupiah(z.drawer.difference)}`}
        </div>
      </div>
    </div>
  );
}
