import { useCallback, useEffect, useState } from 'react';
import { formatRupiah } from '@shared/money';
import { MAX_AMOUNT, METHOD_RULES, type PaymentMethod } from '@shared/methods';
import { getPosApi } from '../api/pos-api';
import { useT, type MessageKey } from '../i18n';
import { describeError, type ShownError } from '../lib/errors';
import { digitsToAmount, keyFromKeyboard, type KeypadKey } from '../lib/keypad';
import { fallbackMethod, methodOptions, type MethodOption } from '../lib/method-options';
import { useKeypad } from '../stores/keypad-store';
import { usePos } from '../stores/pos-store';
import { ErrorBox } from '../components/ErrorBox';

const KEYS: KeypadKey[] = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '000', '0', 'back'];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

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
  let reason: string | null = null;
  if (p) {
    const key: MessageKey = `methodProblem.${p.code}`;
    reason = t(key, {
      method: name,
      min: p.code === 'below_min' ? formatRupiah(p.min) : '',
      max: p.code === 'above_max' ? formatRupiah(p.max) : '',
      version: p.code === 'method_unavailable' ? p.version : '',
    });
  }
  return (
    <button
      type="button"
      className={`method ${selected ? 'method-selected' : ''} method-${METHOD_RULES[option.method].kind}`}
      data-testid={`method-${option.method}`}
      disabled={p !== null}
      aria-pressed={selected}
      title={reason ?? name}
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

export function KeypadScreen() {
  const t = useT();
  const settings = usePos((s) => s.settings);
  const { digits, method, note, press, setMethod, setNote, reset } = useKeypad();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const amount = digitsToAmount(digits);
  const version = settings?.apiVersion ?? 'v2';
  const preferred = settings?.defaultMethod ?? 'qris';
  const options = methodOptions(amount, version);
  const chosen = fallbackMethod(method ?? preferred, preferred, amount, version);
  const chosenOk = options.find((o) => o.method === chosen)?.problem === null;
  const canCharge = amount > 0 && chosenOk && !busy && settings !== null;

  const charge = useCallback(async () => {
    if (!canCharge) return;
    setBusy(true);
    setError(null);
    try {
      const order = await getPosApi().charge(
        note.trim() ? { amount, method: chosen, note: note.trim() } : { amount, method: chosen },
      );
      usePos.getState().setActiveSale(order);
      reset();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }, [canCharge, amount, chosen, note, reset]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        void charge();
        return;
      }
      if (isTyping(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const k = keyFromKeyboard(ev.key);
      if (k) {
        ev.preventDefault();
        press(k);
        setError(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [charge, press]);

  const primary = options.filter((o) => METHOD_RULES[o.method].kind !== 'va');
  const vas = options.filter((o) => METHOD_RULES[o.method].kind === 'va');

  return (
    <div className="keypad-screen">
      <section className="keypad-panel" aria-label={t('keypad.title')}>
        <div className="amount-box">
          <div className="amount-label">{t('keypad.title')}</div>
          <output className="amount" data-testid="amount" aria-live="polite">
            {formatRupiah(amount)}
          </output>
          <div className="amount-hint">{t('keypad.max', { max: formatRupiah(MAX_AMOUNT) })}</div>
        </div>
        <div className="keypad">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              className={`key ${k === 'back' ? 'key-fn' : ''}`}
              data-testid={`key-${k}`}
              aria-label={k === 'back' ? t('keypad.back') : k}
              onClick={() => {
                press(k);
                setError(null);
              }}
            >
              {k === 'back' ? '⌫' : k}
            </button>
          ))}
          <button type="button" className="key key-clear" data-testid="key-clear" onClick={() => press('clear')}>
            {t('keypad.clear')}
          </button>
        </div>
      </section>

      <section className="charge-panel">
        <h2 className="panel-title">{t('keypad.method')}</h2>
        <div className="methods-primary">
          {primary.map((o) => (
            <MethodButton key={o.method} option={o} selected={o.method === chosen} onPick={setMethod} />
          ))}
        </div>
        <div className="methods-va">
          {vas.map((o) => (
            <MethodButton key={o.method} option={o} selected={o.method === chosen} onPick={setMethod} />
          ))}
        </div>
        <label className="field note-field">
          <span>{t('keypad.note')}</span>
          <input
            type="text"
            value={note}
            maxLength={200}
            placeholder={t('keypad.notePlaceholder')}
            data-testid="note"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {error && <ErrorBox error={error} />}
        <button
          type="button"
          className="btn btn-charge"
          data-testid="charge"
          disabled={!canCharge}
          onClick={() => void charge()}
        >
          {busy
            ? t('keypad.charging')
            : amount > 0
              ? t('keypad.charge', { amount: formatRupiah(amount) })
              : t('keypad.chargeEmpty')}
        </button>
        <p className="hint">{t('keypad.hint')}</p>
      </section>
    </div>
  );
}
