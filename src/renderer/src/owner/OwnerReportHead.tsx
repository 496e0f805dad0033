import type { OwnerOverview } from '@shared/owner/contract';
import { DateField } from '../components/DateField';
import { useT } from '../i18n';
import { TillSelect } from './TillSelect';

/** The day a report is for (with a way back to today) and, when `onTill` is given, the till it covers. */
export function OwnerReportHead({
  overview,
  day,
  onDay,
  tillId,
  onTill,
  testIds,
}: {
  overview: OwnerOverview;
  day: string;
  onDay: (day: string) => void;
  tillId?: string;
  onTill?: (tillId: string) => void;
  testIds: { day: string; till?: string };
}) {
  const t = useT();
  return (
    <div className="report-head">
      <label className="field field-inline">
        <span>{t('report.day')}</span>
        <DateField value={day} onChange={(d) => d && onDay(d)} testId={testIds.day} />
      </label>
      <button type="button" className="btn btn-small" onClick={() => onDay(overview.today)}>
        {t('report.today')}
      </button>
      {onTill && (
        <label className="field field-inline">
          <span>{t('owner.report.scope')}</span>
          <TillSelect tills={overview.tills} value={tillId ?? ''} onChange={onTill} testId={testIds.till ?? ''} />
        </label>
      )}
    </div>
  );
}
