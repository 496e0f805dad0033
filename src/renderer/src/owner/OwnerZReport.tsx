import { useEffect, useState } from 'react';
import { formatRupiah } from '@shared/money';
import type { OwnerOverview } from '@shared/owner/contract';
import type { ShopShiftSummary, ShopZReport } from '@shared/owner/counter-contract';
import { DateField } from '../components/DateField';
import { ErrorBox } from '../components/ErrorBox';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/format';
import { ownerErrorText } from '../lib/owner-view';
import { ownerApi } from '../stores/owner-store';
import { TillSelect } from './TillSelect';
import { ZFigures } from './ZFigures';

/** The Z report of a business day across tills (or one till), and of any shift on any till. */
export function OwnerZReport({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  const [day, setDay] = useState(overview.today);
  const [tillId, setTillId] = useState('');
  const [z, setZ] = useState<ShopZReport | null>(null);
  const [shift, setShift] = useState<ShopZReport | null>(null);
  const [error, setError] = useState<ReturnType<typeof ownerErrorText> | null>(null);
  useEffect(() => {
    setError(null);
    setShift(null);
    ownerApi()
      .dayZ(day, tillId || null)
      .then(setZ, (e: unknown) => setError(ownerErrorText(e)));
  }, [day, tillId]);
  const openShift = (s: ShopShiftSummary) => {
    setError(null);
    ownerApi()
      .shiftZ(s.tillId, s.shiftId)
      .then(setShift, (e: unknown) => setError(ownerErrorText(e)));
  };
  return (
    <div className="owner-page" data-testid="owner-zreport">
      <div className="report-head">
        <label className="field field-inline">
          <span>{t('report.day')}</span>
          <DateField value={day} onChange={(d) => d && setDay(d)} testId="owner-z-day" />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setDay(overview.today)}>
          {t('report.today')}
        </button>
        <label className="field field-inline">
          <span>{t('owner.report.scope')}</span>
          <TillSelect tills={overview.tills} value={tillId} onChange={setTillId} testId="owner-z-till" />
        </label>
      </div>
      {error && <ErrorBox error={error} />}
      {z && (
        <>
          <h3>{t('owner.z.dayTitle', { day: z.businessDay })}</h3>
          <ZFigures z={z} timeZone={overview.timeZone} />
          <ShiftTable shifts={z.shifts} timeZone={overview.timeZone} onOpen={openShift} />
          {z.closes.length > 0 && (
            <p className="hint" data-testid="owner-z-closes">
              {z.closes.map((c) => t('owner.z.closedBy', { till: c.tillName, by: c.by })).join(' · ')}
            </p>
          )}
        </>
      )}
      {shift && (
        <section className="owner-z-shift" data-testid="owner-z-shift-detail">
          <h3>{t('owner.z.shiftTitle', { shift: shift.id })}</h3>
          <ZFigures z={shift} timeZone={overview.timeZone} />
        </section>
      )}
    </div>
  );
}

function ShiftTable({
  shifts,
  timeZone,
  onOpen,
}: {
  shifts: ShopShiftSummary[];
  timeZone: string;
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
