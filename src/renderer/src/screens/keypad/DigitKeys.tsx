import { useT } from '../../i18n';
import type { KeypadKey } from '../../lib/keypad';

const KEYS: KeypadKey[] = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '000', '0', 'back'];

/** The on-screen digit keys, for a touch screen or a mouse. */
export function DigitKeys({ onKey, onClear }: { onKey: (k: KeypadKey) => void; onClear: () => void }) {
  const t = useT();
  return (
    <div className="keypad">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          className={`key ${k === 'back' ? 'key-fn' : ''}`}
          data-testid={`key-${k}`}
          aria-label={k === 'back' ? t('keypad.back') : k}
          onClick={() => onKey(k)}
        >
          {k === 'back' ? '⌫' : k}
        </button>
      ))}
      <button type="button" className="key key-clear" data-testid="key-clear" onClick={onClear}>
        {t('keypad.clear')}
      </button>
    </div>
  );
}
