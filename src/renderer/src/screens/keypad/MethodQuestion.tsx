import { useEffect } from 'react';
import { formatRupiah } from '@shared/money';
import type { PaymentMethod } from '@shared/methods';
import { useT } from '../../i18n';
import type { ChargePlan } from '../../lib/charge-plan';
import { methodProblemText } from '../../lib/method-problem';

/**
 * The method the cashier chose cannot take this amount: ask, offering the methods that
 * can, instead of charging another one quietly.
 */
export function MethodQuestion({
  plan,
  amount,
  onPick,
  onClose,
}: {
  plan: Extract<ChargePlan, { kind: 'ask' }>;
  amount: number;
  onPick: (m: PaymentMethod) => void;
  onClose: () => void;
}) {
  const t = useT();
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  const method = t(`method.${plan.method}`);
  return (
    <div className="modal-backdrop" role="presentation">
      <div
        className="modal method-question"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="ask-title"
        data-testid="method-question"
      >
        <h2 id="ask-title">{t('ask.title', { method, amount: formatRupiah(amount) })}</h2>
        <p className="warn-text" data-testid="method-question-reason">
          {methodProblemText(t, plan.method, plan.problem)}
        </p>
        <p>{plan.fits.length > 0 ? t('ask.body') : t('ask.none')}</p>
        <div className="ask-methods">
          {plan.fits.map((m, i) => (
            <button
              key={m}
              type="button"
              className="btn btn-primary"
              data-testid={`ask-${m}`}
              autoFocus={i === 0}
              onClick={() => onPick(m)}
            >
              {t('ask.pick', { method: t(`method.${m}`) })}
            </button>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" data-testid="ask-back" onClick={onClose}>
            {t('ask.back')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
