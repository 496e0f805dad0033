import { useEffect, useState } from 'react';
import type { DailyReport } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { formatCount } from '../../lib/format';
import { useCounter } from '../../stores/counter-store';
import { usePos } from '../../stores/pos-store';
import '../../components/till.css';

/** Today's business day at a glance, above the sales list; follows every sale as it changes. */
export function TodayTotals() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const today = usePos((s) => s.businessDay?.day ?? null);
  const revision = usePos((s) => s.orderRevision);
  // A refund is no order update: the counter's change (its drawer, its sales) brings it.
  const counterSeq = useCounter((s) => s.counter?.seq ?? 0);
  const [report, setReport] = useState<DailyReport | null>(null);
  useEffect(() => {
    if (!today) return;
    let live = true;
    getPosApi()
      .getDailyReport({ day: today })
      .then(
        (r) => live && setReport(r),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [today, revision, counterSeq]);
  if (!report) return null;
  return (
    <div className="today-totals" data-testid="today-totals" aria-label={t('today.title')}>
      <span className="today-title">{t('today.title')}</span>
      <span>{t('today.paid', { count: formatCount(report.paidCount, lang) })}</span>
      <span className="today-net" data-testid="today-net">
        {formatRupiah(report.netReceived)}
      </span>
      {report.refunds.count > 0 && (
        <>
          <span className="today-money" data-testid="today-gross">
            {t('today.gross')} <strong>{formatRupiah(report.grossAmount)}</strong>
          </span>
          <span className="today-money" data-testid="today-refunds">
            {t('today.refunds')} <strong>-{formatRupiah(report.refunds.amount)}</strong>
          </span>
          <span className="today-money today-net" data-testid="today-after-refunds">
            {t('today.net')} <strong>{formatRupiah(report.netAfterRefunds)}</strong>
          </span>
        </>
      )}
      {report.needsReview.length > 0 && (
        <span className="today-review">
          {t('today.review', { count: formatCount(report.needsReview.length, lang) })}
        </span>
      )}
    </div>
  );
}
