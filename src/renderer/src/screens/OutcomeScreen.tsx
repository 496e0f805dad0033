import type { OrderView } from '@shared/domain';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { changeSaleMethod, startNewSale } from '../lib/outcome-actions';
import { outcomeKind } from '../lib/sale-view';
import { useAction } from '../lib/use-action';
import { useOutcomeKeys } from '../lib/use-outcome-keys';
import { usePos } from '../stores/pos-store';
import { ErrorBox } from '../components/ErrorBox';
import { OutcomeAgain } from './outcome/OutcomeAgain';
import { PaidOutcome } from './outcome/PaidOutcome';
import { UnpaidOutcome } from './outcome/UnpaidOutcome';

export function OutcomeScreen({ order }: { order: OrderView }) {
  const t = useT();
  const kind = outcomeKind(order.state);
  const newSale = () => startNewSale(order.orderId);
  const { keysReady, ignoredKeys } = useOutcomeKeys(`${order.orderId}:${kind}`, newSale);
  const recreate = useAction(async () => {
    usePos.getState().saleAnswered(await getPosApi().recreateSale({ orderId: order.orderId }));
  });
  const again = (primary: boolean) => (
    <OutcomeAgain
      order={order}
      primary={primary}
      busy={recreate.busy}
      onRecreate={() => void recreate.run()}
      onChangeMethod={() => changeSaleMethod(order)}
    />
  );

  return (
    <div
      className={`outcome outcome-${kind}`}
      data-testid={`outcome-${kind}`}
      data-order-id={order.orderId}
      data-keys-ready={keysReady}
      data-keys-ignored={ignoredKeys}
      role="status"
    >
      {kind === 'paid' && <PaidOutcome order={order} />}
      {kind !== null && kind !== 'paid' && <UnpaidOutcome kind={kind} order={order} again={again} />}
      {recreate.error && <ErrorBox error={recreate.error} />}
      <button type="button" className="btn btn-big btn-new-sale" data-testid="new-sale" onClick={newSale}>
        {t('outcome.newSale')}
      </button>
      <p className="hint">{t('outcome.keysHint')}</p>
      <p className="order-id">{t('pay.order', { orderId: order.orderId })}</p>
    </div>
  );
}
