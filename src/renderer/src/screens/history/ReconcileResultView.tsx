import type { ReconcileResult } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { useLanguage, useT } from '../../i18n';
import { pakasirStatusState } from '../../lib/event-text';
import { formatCount, formatDateTime } from '../../lib/format';

/** The last check against Pakasir: when, how many sales agreed, and each that did not. */
export function ReconcileResultView({ result }: { result: ReconcileResult }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const pakasirWord = (raw: string): string => {
    const state = pakasirStatusState(raw);
    return state ? t(`state.${state}`) : raw;
  };
  return (
    <div data-testid="reconcile-result">
      <p className="hint">{t('reconcile.checkedAt', { time: formatDateTime(result.checkedAt, lang) })}</p>
      {result.differences.length === 0 ? (
        <p className="ok-text">{t('reconcile.ok', { checked: formatCount(result.checked, lang) })}</p>
      ) : (
        <>
          <p className="warn-text">
            {t('reconcile.diffs', {
              count: formatCount(result.differences.length, lang),
              checked: formatCount(result.checked, lang),
            })}
          </p>
          <table className="table" data-testid="reconcile-diffs">
            <thead>
              <tr>
                <th>{t('history.col.order')}</th>
                <th className="num">{t('history.col.amount')}</th>
                <th>{t('reconcile.col.local')}</th>
                <th>{t('reconcile.col.gateway')}</th>
                <th>{t('reconcile.col.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {result.differences.map((d) => (
                <tr key={d.orderId}>
                  <td className="mono">{d.orderId}</td>
                  <td className="num">{formatRupiah(d.amount)}</td>
                  <td>{t(`state.${d.localState}`)}</td>
                  <td>{pakasirWord(d.gatewayStatus)}</td>
                  <td>{t(`reconcile.kind.${d.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result.unchecked > 0 && (
        <p className="warn-text">{t('reconcile.unchecked', { count: formatCount(result.unchecked, lang) })}</p>
      )}
    </div>
  );
}
