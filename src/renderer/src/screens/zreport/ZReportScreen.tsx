import { useEffect, useState } from 'react';
import type { ZReport } from '@shared/counter';
import type { ZReportRef } from '@shared/contract/counter-calls';
import { getPosApi } from '../../api/pos-api';
import { useT, type MessageKey } from '../../i18n';
import { DateField } from '../../components/DateField';
import { ErrorBox } from '../../components/ErrorBox';
import { useLoad } from '../../lib/use-load';
import { useCounter } from '../../stores/counter-store';
import { usePos } from '../../stores/pos-store';
import { ZReportActions } from './ZReportActions';
import { ZReportBody } from './ZReportBody';
import { ZReportHeadText } from './ZReportHeadText';
import { ZReportTotals } from './ZReportTotals';
import './zreport.css';

const refKey = (r: ZReportRef) => ('shiftId' in r ? `shift:${r.shiftId}` : `day:${r.day}`);

/**
 * The Z report of a shift or a business day, as main froze it (or as it stands, for a shift
 * still open or a day not closed). Shown after a shift closes, and from the Shift tab for any
 * day and any of its shifts. Esc closes it.
 */
export function ZReportScreen({
  start,
  initial = null,
  onClose,
}: {
  start: ZReportRef;
  /** The report a call already answered (closeShift), shown without asking again. */
  initial?: ZReport | null;
  onClose: () => void;
}) {
  const t = useT();
  const today = usePos((s) => s.businessDay?.day ?? null);
  const [zref, setZref] = useState<ZReportRef>(start);
  const [fromDay, setFromDay] = useState<string | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(initial ? 'zreport.shiftClosedNow' : null);
  const key = refKey(zref);
  // A day not closed and a shift still open change with every sale: read again on each change
  // of the counter, keeping the report on screen meanwhile.
  const counterSeq = useCounter((s) => s.counter?.seq ?? 0);
  const {
    value: report,
    error,
    show,
  } = useLoad(() => getPosApi().getZReport(zref), key, {
    revision: counterSeq,
    initial: initial ? { key: refKey({ shiftId: initial.id }), value: initial } : null,
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const go = (next: ZReportRef, back: string | null) => {
    setNotice(null);
    setFromDay(back);
    setZref(next);
  };
  return (
    <div className="z-screen" data-testid="z-screen" data-scope={report?.scope ?? ''}>
      <header className="z-head">
        <ZReportHeadText report={report} />
        <div className="z-head-nav">
          {'day' in zref && (
            <label className="field field-inline">
              <span>{t('report.day')}</span>
              <DateField value={zref.day} onChange={(d) => d && go({ day: d }, null)} testId="z-day" />
            </label>
          )}
          {'day' in zref && today && zref.day !== today && (
            <button type="button" className="btn" onClick={() => go({ day: today }, null)}>
              {t('report.today')}
            </button>
          )}
          {'shiftId' in zref && (report?.businessDay ?? fromDay) && (
            <button
              type="button"
              className="btn"
              data-testid="z-to-day"
              onClick={() => go({ day: fromDay ?? report!.businessDay }, null)}
            >
              {t('zreport.backToDay')}
            </button>
          )}
          <button type="button" className="btn" data-testid="z-close" onClick={onClose}>
            {t('zreport.close')}
          </button>
        </div>
      </header>
      {notice && (
        <p className="z-notice" data-testid="z-notice">
          {t(notice)}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {report && (
        <>
          <ZReportTotals z={report} />
          <ZReportActions
            z={report}
            zref={zref}
            onDayClosed={(z) => {
              show(z);
              setNotice('zreport.dayClosedNow');
            }}
          />
          <ZReportBody z={report} onShift={(shiftId) => go({ shiftId }, report.businessDay)} />
        </>
      )}
      {!report && !error && <div className="loading">{t('app.loading')}</div>}
      <p className="hint z-keys">{t('zreport.keys')}</p>
    </div>
  );
}
