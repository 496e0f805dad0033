import { useEffect, useState } from 'react';
import type { DailyReport } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { usePos } from '../../stores/pos-store';
import { ReportFigures } from '../../components/ReportFigures';
import { ReconcilePanel } from './ReconcilePanel';
import { ReportExport } from './ReportExport';
import { ReportHead } from './ReportHead';

/** `today` is main's business day; the report opens on it and "today" returns to it. */
export function ReportPanel({ today }: { today: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const [day, setDay] = useState(today);
  const [report, setReport] = useState<DailyReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    getPosApi()
      .getDailyReport({ day })
      .then(setReport, (e: unknown) => setError(describeError(e)));
  }, [day, revision]);
  const exportReport = async (format: 'csv' | 'xlsx') => {
    setError(null);
    try {
      const j = await getPosApi().exportDailyReport({ day, format });
      usePos.getState().jobProgress(j);
      setJobId(j.jobId);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="report-panel">
      <ReportHead day={day} report={report} onDay={setDay} onToday={() => setDay(today)} />
      {error && <ErrorBox error={error} />}
      {report && (
        <ReportFigures report={report}>
          {report.needsReview.length > 0 && (
            <p className="warn-text">
              {t('report.needsReview', { count: formatCount(report.needsReview.length, lang) })}
            </p>
          )}
        </ReportFigures>
      )}
      <ReportExport jobId={jobId} onExport={(format) => void exportReport(format)} />
      <ReconcilePanel day={day} />
    </div>
  );
}
