import { useState } from 'react';
import { formatRupiah } from '@shared/money';
import type { OwnerOverview } from '@shared/owner/contract';
import { ErrorBox } from '../components/ErrorBox';
import { useLanguage, useT } from '../i18n';
import { formatCount, formatDateTime } from '../lib/format';
import { ownerErrorText, tillProblems } from '../lib/owner-view';
import { isOrderState } from '../lib/owner-states';
import { useLoad } from '../lib/use-load';
import { ownerApi } from '../stores/owner-store';
import { OwnerReportHead } from './OwnerReportHead';

/** The server's view of a day (Pakasir's notices) against what each till sent, differences flagged. */
export function OwnerReconcile({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [day, setDay] = useState(overview.today);
  const { value: result, error } = useLoad(() => ownerApi().reconciliation(day), day, {
    describe: ownerErrorText,
  });
  const money = (n: number | null) => (n === null ? '—' : formatRupiah(n));
  return (
    <div className="owner-page" data-testid="owner-reconcile">
      <OwnerReportHead overview={overview} day={day} onDay={setDay} testIds={{ day: 'owner-reconcile-day' }} />
      <p className="hint">{t('owner.reconcile.intro')}</p>
      {error && <ErrorBox error={error} />}
      {result && (
        <>
          <section className="reconcile">
            <h3>{t('owner.reconcile.title')}</h3>
            <p className="hint">
              {result.webhooks > 0
                ? t('owner.reconcile.webhooks', { count: formatCount(result.webhooks, lang) })
                : t('owner.reconcile.noWebhooks')}
            </p>
            {result.differences.length === 0 ? (
              <p className="ok-text" data-testid="owner-reconcile-ok">
                {t('owner.reconcile.ok')}
              </p>
            ) : (
              <>
                <p className="warn-text" data-testid="owner-reconcile-diff-count">
                  {t('owner.reconcile.diffs', { count: formatCount(result.differences.length, lang) })}
                </p>
                <div className="table-wrap">
                  <table className="table" data-testid="owner-reconcile-diffs">
                    <thead>
                      <tr>
                        <th>{t('owner.reconcile.col.kind')}</th>
                        <th>{t('owner.till')}</th>
                        <th>{t('history.col.order')}</th>
                        <th>{t('owner.reconcile.col.tillState')}</th>
                        <th className="num">{t('owner.reconcile.col.tillAmount')}</th>
                        <th className="num">{t('owner.reconcile.col.pakasirAmount')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.differences.map((d) => (
                        <tr key={`${d.kind}/${d.orderId}/${d.tillId ?? ''}`} data-kind={d.kind}>
                          <td>{t(`owner.reconcile.kind.${d.kind}`)}</td>
                          <td>{d.tillName ?? '—'}</td>
                          <td className="mono">{d.orderId}</td>
                          <td>{d.tillState && isOrderState(d.tillState) ? t(`state.${d.tillState}`) : '—'}</td>
                          <td className="num">{money(d.tillAmount)}</td>
                          <td className="num">{money(d.webhookAmount)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
          <section className="reconcile">
            <h3>{t('owner.reconcile.tillsTitle')}</h3>
            <div className="table-wrap">
              <table className="table" data-testid="owner-reconcile-tills">
                <thead>
                  <tr>
                    <th>{t('owner.till')}</th>
                    <th className="num">{t('owner.reconcile.col.sales')}</th>
                    <th className="num">{t('owner.reconcile.col.paid')}</th>
                    <th className="num">{t('owner.reconcile.col.gross')}</th>
                    <th>{t('owner.reconcile.col.lastSeen')}</th>
                    <th>{t('owner.reconcile.col.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.tills.map((till) => (
                    <tr key={till.tillId}>
                      <td>{till.tillName}</td>
                      <td className="num">{formatCount(till.sales, lang)}</td>
                      <td className="num">{formatCount(till.paid, lang)}</td>
                      <td className="num">{formatRupiah(till.grossAmount)}</td>
                      <td>
                        {till.lastSeenAt
                          ? formatDateTime(till.lastSeenAt, lang, overview.timeZone)
                          : t('owner.tills.never')}
                      </td>
                      <td>
                        {tillProblems(till)
                          .map((p) => t(p.key, p.params))
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
