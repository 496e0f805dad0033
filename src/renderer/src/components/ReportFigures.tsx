import type { ReactNode } from 'react';
import type { Language } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { useLanguage, useT } from '../i18n';
import { formatCount } from '../lib/format';
import type { Figure, FigureNote, FiguresView } from '../lib/report-figures';

/**
 * A report's figures and its tables by method, by state and by refund channel, as
 * `lib/report-figures.ts` built them: the cashier window's daily report and the owner's daily
 * and Z reports render the same way. `children` sit between the figures and the tables (a
 * warning about sales to review, say).
 */
export function ReportFigures({
  view,
  testId = 'daily-report',
  children,
}: {
  view: FiguresView;
  testId?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <>
      <div data-testid={testId}>
        {view.rows.map((row, i) => (
          <div className="stats" key={i}>
            {row.map((f) => (
              <FigureBox key={f.testId} figure={f} lang={lang} />
            ))}
          </div>
        ))}
      </div>
      {children}
      <div className="report-tables">
        <table className="table">
          <caption>{t('report.byMethod')}</caption>
          <thead>
            <tr>
              <th>{t('history.col.method')}</th>
              <th className="num">{t('report.count')}</th>
              <th className="num">{t('history.col.customerPays')}</th>
              <th className="num">{t('pay.fee')}</th>
              <th className="num">{t('history.col.shopReceives')}</th>
            </tr>
          </thead>
          <tbody>
            {view.byMethod.map((m) => (
              <tr key={m.method}>
                <td>{t(`method.${m.method}`)}</td>
                <td className="num">{formatCount(m.count, lang)}</td>
                <td className="num">{formatRupiah(m.totalPaid)}</td>
                <td className="num">− {formatRupiah(m.fee)}</td>
                <td className="num">{formatRupiah(m.shopReceives)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.byState.length > 0 && (
          <table className="table">
            <caption>{t('report.byState')}</caption>
            <thead>
              <tr>
                <th>{t('history.col.state')}</th>
                <th className="num">{t('report.count')}</th>
                <th className="num">{t('pay.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {view.byState.map((s) => (
                <tr key={s.state}>
                  <td>{t(`state.${s.state}`)}</td>
                  <td className="num">{formatCount(s.count, lang)}</td>
                  <td className="num">{formatRupiah(s.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.byChannel.length > 0 && (
          <table className="table" data-testid="report-refund-channels">
            <caption>{t('owner.refunds.byChannel')}</caption>
            <tbody>
              {view.byChannel.map((c) => (
                <tr key={c.channel}>
                  <td>{t(`owner.refunds.channel.${c.channel}`)}</td>
                  <td className="num">{formatCount(c.count, lang)}</td>
                  <td className="num">{formatRupiah(c.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

function FigureBox({ figure: f, lang }: { figure: Figure; lang: Language }) {
  const t = useT();
  const v = f.value;
  return (
    <div className={`stat ${f.main ? 'stat-main' : ''}`}>
      <div className="stat-label">{t(f.label)}</div>
      <div className="stat-value" data-testid={f.testId}>
        {'count' in v ? formatCount(v.count, lang) : `${v.out ? '− ' : ''}${formatRupiah(v.amount)}`}
      </div>
      {f.notes && (
        <div className="stat-sub" data-testid={`${f.testId}-notes`}>
          {f.notes.map((n) => noteText(n, t, lang)).join(' · ')}
        </div>
      )}
    </div>
  );
}

function noteText(n: FigureNote, t: ReturnType<typeof useT>, lang: Language): string {
  return 'count' in n ? t(n.key, { n: formatCount(n.count, lang) }) : `${formatRupiah(n.amount)} ${t(n.key)}`;
}
