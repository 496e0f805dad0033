import { memo, useState } from 'react';
import type { OrderView } from '@shared/domain';
import { useT } from '../i18n';
import { chargePlan } from '../lib/charge-plan';
import { digitsToAmount, type KeypadKey } from '../lib/keypad';
import { canOpenCash, samePicks } from '../lib/keypad-charge';
import { methodOptions } from '../lib/method-options';
import { useKeypadCharge } from '../lib/use-keypad-charge';
import { useKeypadKeys } from '../lib/use-keypad-keys';
import { useKeypad } from '../stores/keypad-store';
import { usePos } from '../stores/pos-store';
import { useItems } from '../stores/items-store';
import { AmountBox } from './keypad/AmountBox';
import { CashPanel } from './keypad/CashPanel';
import { ChargePanel } from './keypad/ChargePanel';
import { DigitKeys } from './keypad/DigitKeys';
import { ItemsPanel } from './keypad/ItemsPanel';
import { KeypadTabs, type KeypadTab } from './keypad/KeypadTabs';
import { MethodQuestion } from './keypad/MethodQuestion';

/**
 * Memoized, and subscribed to the keypad store field by field: neither the sale flow's
 * `creating` update above it nor the store's `charging` flag re-renders it. Each such render
 * rewrote the note field's attributes, and the window drew a frame (style, layout, paint)
 * for nothing, on the same cores main was making the sale on.
 */
export const KeypadScreen = memo(function KeypadScreen() {
  const t = useT();
  const settings = usePos((s) => s.settings);
  const digits = useKeypad((s) => s.digits);
  const method = useKeypad((s) => s.method);
  const note = useKeypad((s) => s.note);
  const { press, setMethod, setNote, reset } = useKeypad.getState();
  // Quick items: only a shop that defined some sees them; without, this screen is unchanged.
  const hasItems = useItems((s) => s.items.length > 0);
  const cartEntries = useItems((s) => s.entries);
  const cart = useItems((s) => s.view);
  const fromCart = hasItems && cartEntries.length > 0;
  const [tab, setTab] = useState<KeypadTab>('items');
  // Tunai opens its own panel (tendered and change); F2 opens it from the keyboard.
  const [cashOpen, setCashOpen] = useState(false);
  const amount = fromCart ? cart.total : digitsToAmount(digits);
  const version = settings?.apiVersion ?? 'v2';
  const feePayer = settings?.feePayer ?? 'shop';
  // The cashier's (or the shop's default) method stays chosen whatever the amount: a method
  // that cannot take it is asked about at charge time, never swapped for another silently.
  const chosen = method ?? settings?.defaultMethod ?? 'qris';
  const plan = chargePlan(amount, chosen, version, feePayer);
  // Main's price of this very cart (not of the one before the last tap) is what is charged.
  const cartPriced = !fromCart || samePicks(cartEntries, cart.lines);
  const items = fromCart ? cartEntries : null;
  const hasSettings = settings !== null;
  const { busy, canCharge, error, setError, asking, setAsking, chargeBy, charge } = useKeypadCharge({
    amount,
    note,
    items,
    plan,
    feePayer,
    hasSettings,
    cartPriced,
    reset,
  });
  // The store leaves the digits alone while a charge is on its way (the amount it was made for).
  const typeKey = (k: KeypadKey) => {
    press(k);
    setError(null);
  };
  // Not while a charge is on its way, whatever the button shows yet: one sale at a time.
  const openCash = () => {
    if (canOpenCash(amount, useKeypad.getState().charging, hasSettings)) setCashOpen(true);
  };
  useKeypadKeys({
    paused: asking || cashOpen,
    onCash: openCash,
    onCharge: () => void charge(),
    onKey: typeKey,
  });
  const saleStarted = (order: OrderView) => {
    setCashOpen(false);
    usePos.getState().saleAnswered(order);
    reset();
    if (fromCart) useItems.getState().clear();
  };

  return (
    <div className="keypad-screen">
      <section className="keypad-panel" aria-label={t('keypad.title')}>
        <AmountBox amount={amount} fromCart={fromCart} />
        {hasItems && <KeypadTabs tab={tab} onTab={setTab} />}
        {hasItems && tab === 'items' ? <ItemsPanel /> : <DigitKeys onKey={typeKey} onClear={() => typeKey('clear')} />}
      </section>
      <ChargePanel
        amount={amount}
        options={methodOptions(amount, version, feePayer)}
        chosen={chosen}
        plan={plan}
        note={note}
        busy={busy}
        canCharge={canCharge}
        canCash={canOpenCash(amount, busy, hasSettings)}
        feePayer={feePayer}
        feeNotChosen={settings !== null && !settings.feePayerChosen}
        error={error}
        onPick={setMethod}
        onCash={openCash}
        onNote={setNote}
        onCharge={() => void charge()}
      />
      {cashOpen && (
        <CashPanel amount={amount} note={note} items={items} onClose={() => setCashOpen(false)} onDone={saleStarted} />
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
});
