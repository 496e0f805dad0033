import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { formatDayInput, parseDayInput } from '../lib/format';

/**
 * A day written as the shop writes it, dd/mm/yyyy. A native date field shows the browser's
 * own order (mm/dd/yyyy on an English system, whatever `lang` says), so the text is ours and
 * the native field only supplies the calendar behind the button.
 */
export function DateField({
  value,
  onChange,
  testId,
}: {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  testId: string;
}) {
  const t = useT();
  const [text, setText] = useState(formatDayInput(value));
  const [invalid, setInvalid] = useState(false);
  const native = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText(formatDayInput(value));
    setInvalid(false);
  }, [value]);
  const commit = (typed: string) => {
    if (typed.trim() === '') {
      setInvalid(false);
      onChange('');
      return;
    }
    const day = parseDayInput(typed);
    setInvalid(day === null);
    if (day) onChange(day);
  };
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={t('date.format')}
        aria-invalid={invalid}
        title={invalid ? t('date.invalid') : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (parseDayInput(e.target.value)) commit(e.target.value);
        }}
        onBlur={(e) => commit(e.target.value)}
      />
      <button
        type="button"
        className="date-pick"
        aria-label={t('date.pick')}
        title={t('date.pick')}
        onClick={() => native.current?.showPicker?.()}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="3" y="5" width="18" height="16" rx="2" />
          <path d="M3 10h18M8 3v4M16 3v4" />
        </svg>
      </button>
      <input
        ref={native}
        type="date"
        className="date-native"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => e.target.value && onChange(e.target.value)}
      />
      {invalid && <span className="date-invalid">{t('date.invalid')}</span>}
    </span>
  );
}
