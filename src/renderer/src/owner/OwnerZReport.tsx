import { useState } from 'react';
import { formatRupiah } from '@shared/money';
import type { OwnerOverview } from '@shared/owner/contract';
import type { ShopShiftSummary, ShopZReport } from '@shared/owner/counter-contract';
import { ErrorBox } from '../components/ErrorBox';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/format';
import { ownerErrorText } from '../lib/owner-view';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { ownerApi } from '../stores/owner-store';
import { OwnerReportHead } from './OwnerReportHead';
import { ZFigures } from './ZFigures';

/** The Z report of a business day across tills (or one till), and of any shift on any till. */
export function OwnerZReport({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  const [day, setDay] = useState(overview.today);
  const [tillId, setTillId] = useState('');
  const [shift, setShift] = useState<{ key: string; z: ShopZReport } | null>(null);
  const key = `${day}/${tillId}`;
  const { value: z, error } = useLoad(() => ownerApi().dayZ(day, tillId || null), key, {
    describe: ownerErrorText,
  });
  // A shift opened is kept with the day and till it was opened under: another day hides it.
  const openShift = useAction(async (s: ShopShiftSummary) => {
    setShift({ key, z: await ownerApi().shiftZ(s.tillId, s.shiftId) });
  }, ownerErrorText);
  const shown = shift?.key === key ? shift.z : null;
  return (
    <div className="owner-page" data-testid="owner-zreport">
      <OwnerReportHead
        overview={overview}
        day={day}
        onDay={setDay}
        tillId={tillId}
        onTill={setTillId}
        testIds={{ day: 'owner-z-day', till: 'owner-z-till' }}
      />
      {error && <ErrorBox error={error} />}
      {z && (
        <>
          <h3>{t('owner.z.dayTitle', { day: z.businessDay })}</h3>
          <ZFigures z={z} timeZone={overview.timeZone} />
          <ShiftTable
            shifts={z.shifts}
            timeZone={overview.timeZone}
            busy={openShift.busy}
            onOpen={(s) => void openShift.run(s)}
          />
          {z.closes.length > 0 && (
            <p className="hint" data-testid="owner-z-closes">
              {z.closes.map((c) => t('owner.z.closedBy', { till: c.tillName, by: c.by })).join(' · ')}
            </p>
          )}
        </>
      )}
      {openShift.error && <ErrorBox error={openShift.error} />}
      {shown && (
        <section className="owner-z-shift" data-testid="owner-z-shift-detail">
          <h3>{t('owner.z.shiftTitle', { shift: shown.id })}</h3>
          <ZFigures z={shown} timeZone={overview.timeZone} />
        </section>
      )}
    </div>
  );
}

function ShiftTable({
  shifts,
  timeZone,
  busy,
  onOpen,
}: {
  shifts: ShopShiftSummary[];
  timeZone: string;
  busy: boolean;
  onOpen: (s: ShopShiftSummary) => void;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  if (shifts.length === 0) return <p className="hint">{t('owner.z.noShifts')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="owner-z-shifts">
        <caption>{t('owner.z.shifts')}</caption>
        <thead>
          <tr>
            <th>{t('owner.till')}</th>
            <th>{t('owner.z.cashier')}</th>
            <th>{t('owner.z.opened')}</th>
            <th>{t('owner.z.closed')}</th>
            <th className="num">{t('shift.expected')}</th>
            <th className="num">{t('owner.z.counted')}</th>
            <th className="num">{t('shift.difference')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={`${s.tillId}/${s.shiftId}`} data-testid="owner-z-shift-row">
              <td>{s.tillName}</td>
              <td>{s.openedBy}</td>
              <td>{formatDateTime(s.openedAt, lang, timeZone)}</td>
              <td>{s.closedAt ? formatDateTime(s.closedAt, lang, timeZone) : t('owner.z.stillOpen')}</td>
              <td className="num">{formatRupiah(s.expected)}</td>
              <td className="num">{s.counted === null ? '—' : formatRupiah(s.counted)}</td>
              <td className={`num ${s.difference !== null && s.difference < 0 ? 'warn-text' : ''}`}>
                {s.difference === null ? '—' : formatRupiah(s.difference)}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => onOpen(s)}
                  data-testid="owner-z-open-shift"
                >
                  {t('owner.z.openShift')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
