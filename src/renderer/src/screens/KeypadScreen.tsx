import { useCallback, useEffect, useState } from 'react';
import type { CartEntry, SaleLineView } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { MAX_AMOUNT, METHOD_RULES, type PaymentMethod } from '@shared/methods';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { chargePlan } from '../lib/charge-plan';
import { describeError, type ShownError } from '../lib/errors';
import { digitsToAmount, keyFromKeyboard, type KeypadKey } from '../lib/keypad';
import { methodOptions, type MethodOption } from '../lib/method-options';
import { methodProblemText } from '../lib/method-problem';
import { useKeypad } from '../stores/keypad-store';
import { usePos } from '../stores/pos-store';
import { ErrorBox } from '../components/ErrorBox';
import { useItems } from '../stores/items-store';
import { ItemsPanel } from './keypad/ItemsPanel';
import { CashPanel } from './keypad/CashPanel';
import { MethodQuestion } from './keypad/MethodQuestion';

/** A pause this long on an amount is worth asking Pakasir's fee for it. */
const PREPARE_AFTER_MS = 350;

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

/** The priced cart is the one on screen: same items, same quantities, same order. */
function samePicks(entries: readonly CartEntry[], lines: readonly SaleLineView[]): boolean {
  return (
    entries.length === lines.length && entries.every((e, i) => lines[i]!.itemId === e.itemId && lines[i]!.qty === e.qty)
  );
}

export function KeypadScreen() {
  const t = useT();
  const settings = usePos((s) => s.settings);
  const { digits, method, note, press, setMethod, setNote, reset } = useKeypad();
  // Quick items: only a shop that defined some sees them; without, this screen is unchanged.
  const hasItems = useItems((s) => s.items.length > 0);
  const cartEntries = useItems((s) => s.entries);
  const cart = useItems((s) => s.view);
  const fromCart = hasItems && cartEntries.length > 0;
  const [tab, setTab] = useState<'items' | 'keypad'>('items');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  // Tunai opens its own panel (tendered and change); F2 opens it from the keyboard.
  const [cashOpen, setCashOpen] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const amount = fromCart ? cart.total : digitsToAmount(digits);
  const version = settings?.apiVersion ?? 'v2';
  const feePayer = settings?.feePayer ?? 'shop';
  const options = methodOptions(amount, version, feePayer);
  // The cashier's (or the shop's default) method stays chosen whatever the amount: a method
  // that cannot take it is asked about at charge time, never swapped for another silently.
  const chosen = method ?? settings?.defaultMethod ?? 'qris';
  const plan = chargePlan(amount, chosen, version, feePayer);
  // Main's price of this very cart (not of the one before the last tap) is what is charged.
  const cartPriced = !fromCart || samePicks(cartEntries, cart.lines);
  const canCharge = plan.kind !== 'empty' && !busy && settings !== null && cartPriced;

  const chargeBy = useCallback(
    async (by: PaymentMethod) => {
      setAsking(false);
      setBusy(true);
      setError(null);
      try {
        const input = note.trim() ? { amount, method: by, note: note.trim() } : { amount, method: by };
        const order = await getPosApi().charge(fromCart ? { ...input, items: cartEntries } : input);
        usePos.getState().setActiveSale(order);
        reset();
        if (fromCart) useItems.getState().clear();
      } catch (e) {
        setError(describeError(e));
      } finally {
        setBusy(false);
      }
    },
    [amount, note, reset, fromCart, cartEntries],
  );

  // While the cashier pauses on an amount, main asks Pakasir's fee for it (round price), so
  // Enter does not wait for those answers.
  const readyMethod = plan.kind === 'ready' ? plan.method : null;
  useEffect(() => {
    if (!readyMethod || feePayer !== 'shop') return;
    const timer = setTimeout(() => {
      void getPosApi()
        .prepareCharge({ amount, method: readyMethod })
        .catch(() => undefined);
    }, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [amount, readyMethod, feePayer]);

  const charge = useCallback(async () => {
    if (!canCharge) return;
    if (plan.kind === 'ask') setAsking(true);
    else if (plan.kind === 'ready') await chargeBy(plan.method);
  }, [canCharge, plan, chargeBy]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (asking || cashOpen) return;
      if (ev.key === 'F2') {
        ev.preventDefault();
        if (amount > 0 && settings) setCashOpen(true);
        return;
      }
      if (ev.key === 'Enter') {
        // Enter on a focused button is that button's own click.
        if (ev.target instanceof HTMLButtonElement) return;
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
  }, [charge, press, asking, cashOpen, amount, settings]);

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
          <div className="amount-hint">
            {fromCart ? t('items.amountFromCart') : t('keypad.max', { max: formatRupiah(MAX_AMOUNT) })}
          </div>
        </div>
        {hasItems && (
          <div className="keypad-tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'items'}
              className={`chip ${tab === 'items' ? 'chip-on' : ''}`}
              data-testid="tab-items"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setTab('items')}
            >
              {t('items.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'keypad'}
              className={`chip ${tab === 'keypad' ? 'chip-on' : ''}`}
              data-testid="tab-keypad"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setTab('keypad')}
            >
              {t('items.tabKeypad')}
            </button>
          </div>
        )}
        {hasItems && tab === 'items' ? (
          <ItemsPanel />
        ) : (
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
        )}
      </section>

      <section className="charge-panel">
        <h2 className="panel-title">{t('keypad.method')}</h2>
        <div className="methods-primary">
          {primary.map((o) => (
            <MethodButton key={o.method} option={o} selected={o.method === chosen} onPick={setMethod} />
          ))}
          <button
            type="button"
            className="method method-cash"
            data-testid="method-cash"
            title={t('cash.keyHint')}
            disabled={amount <= 0 || busy || settings === null}
            onClick={() => setCashOpen(true)}
          >
            <span className="method-name">{t('method.cash')} (F2)</span>
          </button>
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
          className={`btn btn-charge ${plan.kind === 'ask' ? 'btn-charge-ask' : ''}`}
          data-testid="charge"
          data-plan={plan.kind}
          disabled={!canCharge}
          onClick={() => void charge()}
        >
          {busy
            ? t('keypad.charging')
            : amount > 0
              ? t('keypad.charge', { method: t(`method.${chosen}`), amount: formatRupiah(amount) })
              : t('keypad.chargeEmpty')}
        </button>
        <p className="fee-line" data-testid="fee-line" data-fee-payer={feePayer}>
          {t(feePayer === 'shop' ? 'keypad.feeShop' : 'keypad.feeCustomer')}
          {settings && !settings.feePayerChosen ? ` ${t('keypad.feeNotChosen')}` : ''}
        </p>
        <p className="hint">{t('keypad.hint')}</p>
      </section>
      {cashOpen && (
        <CashPanel
          amount={amount}
          note={note}
          items={fromCart ? cartEntries : null}
          onClose={() => setCashOpen(false)}
          onDone={(order) => {
            setCashOpen(false);
            usePos.getState().setActiveSale(order);
            reset();
            if (fromCart) useItems.getState().clear();
          }}
        />
      )}
      {asking && plan.kind === 'ask' && (
        <MethodQuestion
          plan={plan}
          amount={amount}
          onClose={() => setAsking(false)}
          onPick={(m) => {
            setMethod(m);
            void chargeBy(m);
          }}
        />
      )}
    </div>
  );
}
