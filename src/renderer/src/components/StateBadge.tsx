import type { OrderState } from '@shared/order-state';
import { useT } from '../i18n';

/** A sale's state as a coloured badge, the same in the history list and the detail view. */
export function StateBadge({ state }: { state: OrderState }) {
  const t = useT();
  return (
    <span className={`badge badge-${state}`} data-testid="state-badge">
      {t(`state.${state}`)}
    </span>
  );
}
