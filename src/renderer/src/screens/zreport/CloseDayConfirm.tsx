import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { formatDayInput } from '../../lib/format';

/** Closing a business day freezes its report: asked once, Yes focused so Enter confirms and Esc cancels. */
export function CloseDayConfirm({
  day,
  busy,
  onYes,
  onNo,
}: {
  day: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const t = useT();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div
      className="z-confirm"
      role="alertdialog"
      aria-labelledby="z-confirm-title"
      data-testid="z-close-day-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // The screen's own Esc would close the whole report.
          e.stopPropagation();
          onNo();
        }
      }}
    >
      <strong id="z-confirm-title">{t('zreport.closeDayAsk', { day: formatDayInput(day) })}</strong>
      <p>{t('zreport.closeDayWhat')}</p>
      <div className="z-action-row">
        <button
          ref={yes}
          type="button"
          className="btn btn-big btn-primary"
          data-testid="z-close-day-yes"
          disabled={busy}
          onClick={onYes}
        >
          {t('zreport.closeDayYes')}
        </button>
        <button type="button" className="btn btn-big" data-testid="z-close-day-no" onClick={onNo}>
          {t('zreport.closeDayNo')}
        </button>
      </div>
    </div>
  );
}
