import { SALE_METHODS } from '@shared/methods';
import { ORDER_STATES } from '@shared/order-state';
import { useT, type MessageKey } from '../i18n';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/** A sale's state, or every state (''). */
export function StateFilter({ value, onChange, testId }: FieldProps) {
  const t = useT();
  return (
    <label className="field">
      <span>{t('history.state')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('history.all')}</option>
        {ORDER_STATES.map((s) => (
          <option key={s} value={s}>
            {t(`state.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How a sale was paid (cash included), or every method (''). */
export function MethodFilter({ value, onChange, testId }: FieldProps) {
  const t = useT();
  return (
    <label className="field">
      <span>{t('history.method')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('history.all')}</option>
        {SALE_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`method.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Free text over order ids and notes; the placeholder says what the list can find. */
export function SearchFilter({ value, onChange, testId, placeholder }: FieldProps & { placeholder: MessageKey }) {
  const t = useT();
  return (
    <label className="field field-grow">
      <span>{t('history.search')}</span>
      <input
        type="search"
        value={value}
        maxLength={64}
        placeholder={t(placeholder)}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
