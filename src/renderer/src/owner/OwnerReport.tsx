import { useState } from 'react';
import { formatRupiah } from '@shared/money';
import type { OwnerOverview, ShopDailyReport } from '@shared/owner/contract';
import { ErrorBox } from '../components/ErrorBox';
import { ReportFigures } from '../components/ReportFigures';
import { useLanguage, useT } from '../i18n';
import { formatCount, formatDateTime } from '../lib/format';
import { ownerErrorText } from '../lib/owner-view';
import { dailyFigures } from '../lib/report-figures';
import { useLoad } from '../lib/use-load';
import { ownerApi } from '../stores/owner-store';
import { OwnerReportHead } from './OwnerReportHead';

/** The daily report over every till (or one), with the same figures the cashier window shows. */
export function OwnerReport({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [day, setDay] = useState(overview.today);
  const [tillId, setTillId] = useState('');
  const { value: report, error } = useLoad(() => ownerApi().dailyReport(day, tillId || null), `${day}/${tillId}`, {
    describe: ownerErrorText,
  });
  return (
    <div className="owner-page" data-testid="owner-report">
      <OwnerReportHead
        overview={overview}
        day={day}
        onDay={setDay}
        tillId={tillId}
        onTill={setTillId}
        testIds={{ day: 'owner-report-day', till: 'owner-report-till' }}
      />
      {report && (
        <p className="hint">
          {t('report.cutoff', { hour: String(report.cutoffHour).padStart(2, '0') })}{' '}
          {t('report.range', {
            from: formatDateTime(report.startsAt, lang, report.timeZone),
            to: formatDateTime(report.endsAt, lang, report.timeZone),
          })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {report && (
        <>
          <ReportFigures view={dailyFigures(report, { refunds: true })} />
          {report.tillId === null && <ByTill report={report} />}
        </>
      )}
    </div>
  );
}

/** Each till's share of the day, summing to the shop's figures above it. */
function ByTill({ report }: { report: ShopDailyReport }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="table-wrap owner-by-till">
      <table className="table" data-testid="owner-report-by-till">
        <caption>{t('owner.report.byTill')}</caption>
        <thead>
          <tr>
            <th>{t('owner.till')}</th>
            <th className="num">{t('report.paid')}</th>
            <th className="num">{t('report.gross')}</th>
            <th className="num">{t('report.net')}</th>
          </tr>
        </thead>
        <tbody>
          {report.byTill.map((r) => (
            <tr key={r.tillId} data-testid="owner-report-till-row" data-till={r.tillId}>
              <td>{r.tillName}</td>
              <td className="num">{formatCount(r.paidCount, lang)}</td>
              <td className="num">{formatRupiah(r.grossAmount)}</td>
              <td className="num">{formatRupiah(r.netReceived)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('owner.report.total')}</th>
            <th className="num">{formatCount(report.paidCount, lang)}</th>
            <th className="num">{formatRupiah(report.grossAmount)}</th>
            <th className="num">{formatRupiah(report.netReceived)}</th>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
