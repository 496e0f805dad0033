import { useEffect, useState } from 'react';
import { formatRupiah } from '@shared/money';
import type { OwnerOverview, ShopDailyReport } from '@shared/owner/contract';
import { DateField } from '../components/DateField';
import { ErrorBox } from '../components/ErrorBox';
import { ReportFigures } from '../components/ReportFigures';
import { useLanguage, useT } from '../i18n';
import { formatCount, formatDateTime } from '../lib/format';
import { ownerErrorText } from '../lib/owner-view';
import { ownerApi } from '../stores/owner-store';
import { RefundFigures } from './RefundFigures';
import { TillSelect } from './TillSelect';

/** The daily report over every till (or one), with the same figures the cashier window shows. */
export function OwnerReport({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [day, setDay] = useState(overview.today);
  const [tillId, setTillId] = useState('');
  const [report, setReport] = useState<ShopDailyReport | null>(null);
  const [error, setError] = useState<ReturnType<typeof ownerErrorText> | null>(null);
  useEffect(() => {
    setError(null);
    ownerApi()
      .dailyReport(day, tillId || null)
      .then(setReport, (e: unknown) => setError(ownerErrorText(e)));
  }, [day, tillId]);
  return (
    <div className="owner-page" data-testid="owner-report">
      <div className="report-head">
        <label className="field field-inline">
          <span>{t('report.day')}</span>
          <DateField value={day} onChange={(d) => d && setDay(d)} testId="owner-report-day" />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setDay(overview.today)}>
          {t('report.today')}
        </button>
        <label className="field field-inline">
          <span>{t('owner.report.scope')}</span>
          <TillSelect tills={overview.tills} value={tillId} onChange={setTillId} testId="owner-report-till" />
        </label>
      </div>
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
          <ReportFigures report={report}>
            <RefundFigures
              refunds={report.refunds}
              netReceived={report.netReceived}
              netAfterRefunds={report.netAfterRefunds}
            />
          </ReportFigures>
          {report.tillId === null && (
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
          )}
        </>
      )}
    </div>
  );
}
