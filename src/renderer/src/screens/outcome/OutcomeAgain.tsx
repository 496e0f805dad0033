import type { OrderView } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { recreateKey } from '../../lib/outcome-text';

/** For a sale that was not paid: the same sale again by the same method, or by another. */
export function OutcomeAgain({
  order,
  primary,
  busy,
  onRecreate,
  onChangeMethod,
}: {
  order: OrderView;
  primary: boolean;
  busy: boolean;
  onRecreate: () => void;
  onChangeMethod: () => void;
}) {
  const t = useT();
  const price = formatRupiah(order.price);
  return (
    <div className="outcome-again">
      <button
        type="button"
        className={`btn btn-big ${primary ? 'btn-primary' : ''}`}
        data-testid="recreate"
        disabled={busy}
        onClick={onRecreate}
      >
        {t(recreateKey(order.method))} ({price})
      </button>
      <button type="button" className="btn btn-big" data-testid="change-method" onClick={onChangeMethod}>
        {t('outcome.changeMethod')} ({price})
      </button>
    </div>
  );
}
