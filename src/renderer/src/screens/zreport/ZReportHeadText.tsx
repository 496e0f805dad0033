import type { ZReport } from '@shared/counter';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { zTitle } from '../../lib/z-report-view';

/** Which report this is: shift or day, its period, its cashiers, and whether the day was closed. */
export function ZReportHeadText({ report }: { report: ZReport | null }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const title = report ? zTitle(report) : null;
  const lastClose = report?.closes.at(-1) ?? null;
  return (
    <div className="z-head-text">
      <h1 data-testid="z-title">{title ? t(title.key, title.params) : t('zreport.open')}</h1>
      {report && (
        <p className="hint">
          {t('zreport.period', {
            from: formatDateTime(report.from, lang),
            to: report.to ? formatDateTime(report.to, lang) : t('zreport.stillOpen'),
          })}
          {' · '}
          {report.cashiers.length > 0
            ? t('zreport.cashiers', { names: report.cashiers.join(', ') })
            : t('zreport.noCashier')}
        </p>
      )}
      {report?.scope === 'day' && (
        <p className={lastClose ? 'ok-text' : 'hint'} data-testid="z-day-state">
          {lastClose
            ? t('zreport.dayClosedAt', { time: formatDateTime(lastClose.at, lang), name: lastClose.by })
            : t('zreport.dayNotClosed')}
        </p>
      )}
    </div>
  );
}
