import type { DailyReport } from '@shared/domain';
import { useLanguage, useT } from '../../i18n';
import { DateField } from '../../components/DateField';
import { formatDateTime } from '../../lib/format';

/** The report's day, a way back to today, and the hours that day covers (from the cutoff). */
export function ReportHead({
  day,
  report,
  onDay,
  onToday,
}: {
  day: string;
  report: DailyReport | null;
  onDay: (day: string) => void;
  onToday: () => void;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="report-head">
      <label className="field field-inline">
        <span>{t('report.day')}</span>
        <DateField value={day} onChange={(d) => d && onDay(d)} testId="report-day" />
      </label>
      <button type="button" className="btn btn-small" onClick={onToday} data-testid="report-today">
        {t('report.today')}
      </button>
      {report && (
        <span className="hint">
          {t('report.cutoff', { hour: String(report.cutoffHour).padStart(2, '0') })}{' '}
          {t('report.range', {
            from: formatDateTime(report.startsAt, lang),
            to: formatDateTime(report.endsAt, lang),
          })}
        </span>
      )}
    </div>
  );
}
