import { useT } from '../../i18n';
import { JobProgressView } from './JobProgressView';

/** The day's report as CSV or Excel, with the export's progress. */
export function ReportExport({
  jobId,
  onExport,
}: {
  jobId: string | null;
  onExport: (format: 'csv' | 'xlsx') => void;
}) {
  const t = useT();
  return (
    <section className="export-panel">
      <h3>{t('export.daily')}</h3>
      <div className="export-row">
        <button type="button" className="btn" data-testid="report-export-csv" onClick={() => onExport('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" className="btn" data-testid="report-export-xlsx" onClick={() => onExport('xlsx')}>
          {t('export.xlsx')}
        </button>
      </div>
      {jobId && <JobProgressView jobId={jobId} />}
    </section>
  );
}
