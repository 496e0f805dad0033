import type { ReactNode } from 'react';
import type { OrderView } from '@shared/domain';
import { useT } from '../../i18n';
import { nextStepKey } from '../../lib/outcome-text';
import type { OutcomeKind } from '../../lib/sale-view';
import { StopwatchIcon } from './StopwatchIcon';

/**
 * Canceled, expired, failed or held for review: why, what to do next, and (except for a sale
 * a human must check) the way to try the same sale again.
 */
export function UnpaidOutcome({
  kind,
  order,
  again,
}: {
  kind: Exclude<OutcomeKind, 'paid'>;
  order: OrderView;
  again: (primary: boolean) => ReactNode;
}) {
  const t = useT();
  const reason = order.reason ? (
    <p className="outcome-sub" data-testid="outcome-reason">
      {t(`reason.${order.reason}`)}
    </p>
  ) : null;
  const icon = (glyph: ReactNode) => (
    <div className="outcome-icon" aria-hidden="true">
      {glyph}
    </div>
  );
  switch (kind) {
    case 'canceled':
      return (
        <>
          {icon('✕')}
          <h1 className="outcome-title">{t('outcome.canceled')}</h1>
          <p className="outcome-sub">{t('outcome.canceledBody')}</p>
          {again(false)}
        </>
      );
    case 'expired':
      return (
        <>
          {icon(<StopwatchIcon />)}
          <h1 className="outcome-title">{t('outcome.expired')}</h1>
          <p className="outcome-sub">{t('outcome.expiredBody')}</p>
          {again(true)}
        </>
      );
    case 'failed':
      return (
        <>
          {icon('!')}
          <h1 className="outcome-title">{t('outcome.failed')}</h1>
          {reason}
          <p className="outcome-next">{t('outcome.nextStep', { step: t(nextStepKey(order.reason)) })}</p>
          {again(false)}
        </>
      );
    case 'review':
      return (
        <>
          {icon('⚠')}
          <h1 className="outcome-title">{t('outcome.review')}</h1>
          {reason}
          <p className="outcome-next">{t('outcome.reviewBody')}</p>
        </>
      );
  }
}
