import type { ReactNode } from 'react';
import type { SaleMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import type { OrderState } from '@shared/order-state';
import { useLanguage, useT } from '../i18n';
import { formatCount } from '../lib/format';

/** The figures a daily report shows, whether one till's (from main) or the shop's (from the shop server). */
export interface ReportFiguresData {
  salesCount: number;
  paidCount: number;
  grossAmount: number;
  fees: number;
  feesShop: number;
  feesCustomer: number;
  netReceived: number;
  byMethod: { method: SaleMethod; count: number; totalPaid: number; fee: number; shopReceives: number }[];
  byState: { state: OrderState; count: number; amount: number }[];
}

/**
 * A daily report's headline figures and its tables by method and by state: the cashier
 * window's history and the owner's page show the same report the same way. `children` sit
 * between the figures and the tables (a warning about sales to review, say).
 */
export function ReportFigures({ report, children }: { report: ReportFiguresData; children?: ReactNode }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <>
      <div className="stats" data-testid="daily-report">
        <div className="stat">
          <div className="stat-label">{t('report.sales')}</div>
          <div className="stat-value">{formatCount(report.salesCount, lang)}</div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('report.paid')}</div>
          <div className="stat-value" data-testid="report-paid-count">
            {formatCount(report.paidCount, lang)}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('report.gross')}</div>
          <div className="stat-value" data-testid="report-gross">
            {formatRupiah(report.grossAmount)}
          </div>
        </div>
        <div className="stat">
          <div className="stat-label">{t('report.fees')}</div>
          <div className="stat-value" data-testid="report-fees">
            − {formatRupiah(report.fees)}
          </div>
          <div className="stat-sub" data-testid="report-fees-split">
            {formatRupiah(report.feesShop)} {t('report.feesShop')}
            {report.feesCustomer > 0 ? ` · ${formatRupiah(report.feesCustomer)} ${t('report.feesCustomer')}` : ''}
          </div>
        </div>
        <div className="stat stat-main">
          <div className="stat-label">{t('report.net')}</div>
          <div className="stat-value" data-testid="report-net">
            {formatRupiah(report.netReceived)}
          </div>
        </div>
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
            {report.byMethod.map((m) => (
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
            {report.byState
              .filter((s) => s.count > 0)
              .map((s) => (
                <tr key={s.state}>
                  <td>{t(`state.${s.state}`)}</td>
                  <td className="num">{formatCount(s.count, lang)}</td>
                  <td className="num">{formatRupiah(s.amount)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
