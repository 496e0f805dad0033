import { METHOD_RULES, type PaymentMethod } from '@shared/methods';
import { useT } from '../../i18n';
import type { MethodOption } from '../../lib/method-options';
import { methodProblemText } from '../../lib/method-problem';

/** One payment method; a method that cannot take the amount is greyed with the reason. */
export function MethodButton({
  option,
  selected,
  onPick,
}: {
  option: MethodOption;
  selected: boolean;
  onPick: (m: PaymentMethod) => void;
}) {
  const t = useT();
  const name = t(`method.${option.method}`);
  const p = option.problem;
  const reason = p ? methodProblemText(t, option.method, p, true) : null;
  return (
    <button
      type="button"
      className={`method ${selected ? 'method-selected' : ''} method-${METHOD_RULES[option.method].kind}`}
      data-testid={`method-${option.method}`}
      disabled={p !== null}
      aria-pressed={selected}
      title={p ? methodProblemText(t, option.method, p) : name}
      onClick={() => onPick(option.method)}
    >
      <span className="method-name">{name}</span>
      {reason && (
        <span className="method-reason" data-testid={`method-reason-${option.method}`}>
          {reason}
        </span>
      )}
    </button>
  );
}
