import { useState } from 'react';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { formatCount } from '../../lib/format';
import { usePos } from '../../stores/pos-store';
import { ReportFigures } from '../../components/ReportFigures';
import { dailyFigures } from '../../lib/report-figures';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { ReconcilePanel } from './ReconcilePanel';
import { ReportExport } from './ReportExport';
import { ReportHead } from './ReportHead';

/** `today` is main's business day; the report opens on it and "today" returns to it. */
export function ReportPanel({ today }: { today: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const [day, setDay] = useState(today);
  const [jobId, setJobId] = useState<string | null>(null);
  const { value: report, error } = useLoad(() => getPosApi().getDailyReport({ day }), day, { revision });
  const exportReport = useAction(async (format: 'csv' | 'xlsx') => {
    const j = await getPosApi().exportDailyReport({ day, format });
    usePos.getState().jobProgress(j);
    setJobId(j.jobId);
  });
  return (
    <div className="report-panel">
      <ReportHead day={day} report={report} onDay={setDay} onToday={() => setDay(today)} />
      {error && <ErrorBox error={error} />}
      {exportReport.error && <ErrorBox error={exportReport.error} />}
      {report && (
        <ReportFigures view={dailyFigures(report, { refunds: false })}>
          {report.needsReview.length > 0 && (
            <p className="warn-text">
              {t('report.needsReview', { count: formatCount(report.needsReview.length, lang) })}
            </p>
          )}
        </ReportFigures>
      )}
      <ReportExport jobId={jobId} onExport={(format) => void exportReport.run(format)} />
      <ReconcilePanel day={day} />
    </div>
  );
}
