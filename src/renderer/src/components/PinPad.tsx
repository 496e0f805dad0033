import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { claimKeys } from '../lib/key-claim';
import {
  PIN_MAX,
  pinActionFromKey,
  pinComplete,
  pinRefusal,
  pressPin,
  secondsToWait,
  type PinKey,
  type PinRefusal,
} from '../lib/pin-entry';
import { useAction } from '../lib/use-action';
import { ErrorBox } from './ErrorBox';
import './till.css';

export interface PinPadProps {
  title: string;
  /** Whose PIN (a cashier's name, "the owner"). */
  who?: string;
  /** Sends the PIN to main; rejects with main's error when it is refused. */
  onSubmit(pin: string): Promise<void>;
  onCancel(): void;
  /** The person's PIN is already paused (StaffView.lockedForMs) when the pad opens. */
  lockedForMs?: number;
  testId?: string;
}

const KEYS: PinKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Monotonic: a wall-clock step cannot end the wait early or stretch it. */
const mono = (): number => performance.now();

/**
 * The PIN pad: big keys, dots (never the digits), the keyboard's digits, Backspace, Enter
 * and Escape. Main checks the PIN; the pad only says plainly what main answered, and how
 * long to wait after too many wrong ones. The PIN is dropped after every try.
 */
export function PinPad({ title, who, onSubmit, onCancel, lockedForMs = 0, testId = 'pin-pad' }: PinPadProps) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [refusal, setRefusal] = useState<PinRefusal | null>(null);
  const [lockUntil, setLockUntil] = useState<number | null>(() => (lockedForMs > 0 ? mono() + lockedForMs : null));
  const [now, setNow] = useState(mono);
  const wait = secondsToWait(lockUntil, now);

  useEffect(() => {
    if (lockUntil === null) return;
    const id = setInterval(() => setNow(mono()), 250);
    return () => clearInterval(id);
  }, [lockUntil]);

  // A wrong or paused PIN is the pad's own message (with the wait); any other refusal is
  // shown as an error box. The PIN is dropped after every refused try.
  const { busy, error, run, setError } = useAction(async (entered: string) => {
    try {
      await onSubmit(entered);
    } catch (e) {
      const r = pinRefusal(e);
      setRefusal(r);
      if (r?.kind === 'locked') {
        setLockUntil(mono() + r.seconds * 1000);
        setNow(mono());
      }
      setPin('');
      if (!r) throw e;
    }
  });
  const submit = () => {
    if (!busy && wait === 0 && pinComplete(pin)) void run(pin);
  };
  const press = (k: PinKey) => {
    setPin((p) => pressPin(p, k));
    setError(null);
  };

  // Latest handlers for the one keyboard listener below.
  const latest = useRef({ press, submit, onCancel });
  latest.current = { press, submit, onCancel };
  // Before the pad is painted: a key pressed the moment it shows is the pad's already.
  useLayoutEffect(() => {
    const release = claimKeys();
    // Capture phase: the pad sees each key before any screen under it does, and stops it.
    const onKey = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const action = pinActionFromKey(ev.key);
      if (!action) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      if (action.kind === 'key') latest.current.press(action.key);
      else if (action.kind === 'submit') latest.current.submit();
      else latest.current.onCancel();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      release();
    };
  }, []);

  const message =
    wait > 0
      ? t('pin.wait', { seconds: String(wait) })
      : refusal?.kind === 'wrong'
        ? t('pin.wrong')
        : refusal?.kind === 'locked'
          ? t('pin.tryAgain')
          : t('pin.hint');
  const refused = wait > 0 || refusal?.kind === 'wrong';
  return (
    <div className="modal-backdrop" role="presentation">
      <div className="modal pin-pad" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2 className="pin-title">{title}</h2>
        {who && <p className="pin-who">{who}</p>}
        <div
          className="pin-dots"
          data-testid="pin-dots"
          data-count={pin.length}
          aria-label={t('pin.typed', { n: String(pin.length) })}
        >
          {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
            <span key={i} className={`pin-dot ${i < pin.length ? 'pin-dot-on' : ''}`} />
          ))}
        </div>
        <p
          className={`pin-message ${refused ? 'pin-refused' : ''}`}
          role={refused ? 'alert' : undefined}
          data-testid="pin-message"
          data-kind={wait > 0 ? 'locked' : (refusal?.kind ?? 'hint')}
        >
          {message}
        </p>
        {error && <ErrorBox error={error} />}
        <PinKeys
          full={pin.length >= PIN_MAX}
          canSubmit={!busy && wait === 0 && pinComplete(pin)}
          onPress={press}
          onSubmit={submit}
        />
        <button type="button" className="btn btn-big pin-cancel" data-testid="pin-cancel" onClick={onCancel}>
          {t('pin.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The pad's keys: 1-9, Hapus, 0, OK; as big as the keypad's. */
function PinKeys({
  full,
  canSubmit,
  onPress,
  onSubmit,
}: {
  full: boolean;
  canSubmit: boolean;
  onPress: (k: PinKey) => void;
  onSubmit: () => void;
}) {
  const t = useT();
  return (
    <div className="pin-keys">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          className="pin-key"
          data-testid={`pin-key-${k}`}
          disabled={full}
          onClick={() => onPress(k)}
        >
          {k}
        </button>
      ))}
      <button
        type="button"
        className="pin-key pin-key-small"
        data-testid="pin-back"
        aria-label={t('pin.back')}
        onClick={() => onPress('back')}
      >
        {t('pin.back')}
      </button>
      <button type="button" className="pin-key" data-testid="pin-key-0" disabled={full} onClick={() => onPress('0')}>
        0
      </button>
      <button
        type="button"
        className="pin-key pin-key-ok"
        data-testid="pin-ok"
        disabled={!canSubmit}
        onClick={onSubmit}
      >
        {t('pin.ok')}
      </button>
    </div>
  );
}
