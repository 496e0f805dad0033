// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { setPosApi, type PosApi } from '@renderer/api/pos-api';
import type { ChargePlan } from '@renderer/lib/charge-plan';
import { digitsToAmount, type KeypadKey } from '@renderer/lib/keypad';
import { CHARGING_SHOWN_AFTER_MS, useChargingShown, useKeypadCharge } from '@renderer/lib/use-keypad-charge';
import { useItems } from '@renderer/stores/items-store';
import { useKeypad } from '@renderer/stores/keypad-store';
import { order } from '../fixtures';

/** A charge main has not answered yet: the test says when and how it answers. */
function pendingCharge() {
  const asked: unknown[] = [];
  let answer: (o: OrderView) => void = () => undefined;
  let refuse: (e: unknown) => void = () => undefined;
  const api = {
    charge: (input: unknown) => {
      asked.push(input);
      return new Promise<OrderView>((res, rej) => {
        answer = res;
        refuse = rej;
      });
    },
    prepareCharge: () => Promise.resolve(null),
  } as unknown as PosApi;
  return { api, asked, answer: (o: OrderView) => answer(o), refuse: (e: unknown) => refuse(e) };
}

/** The keypad's charge as KeypadScreen wires it, over the keypad store's own digits; QRIS unless `plan` says otherwise. */
function useTypedCharge(plan?: ChargePlan) {
  const { digits, reset } = useKeypad();
  const amount = digitsToAmount(digits);
  return useKeypadCharge({
    amount,
    note: '',
    items: null,
    plan: plan ?? (amount > 0 ? { kind: 'ready', method: 'qris' } : { kind: 'empty' }),
    feePayer: 'customer',
    hasSettings: true,
    cartPriced: true,
    reset,
  });
}

function typeAmount(keys: string) {
  for (const k of keys) useKeypad.getState().press(k as KeypadKey);
}

/** Starts the charge `useCharge` makes, against a charge main has not answered yet. */
function startCharge(useCharge: () => ReturnType<typeof useKeypadCharge>) {
  const gateway = pendingCharge();
  setPosApi(gateway.api);
  const { result, rerender } = renderHook(useCharge);
  let done!: Promise<void>;
  act(() => {
    done = result.current.charge();
  });
  return { gateway, result, rerender, done: () => done };
}

beforeEach(() => {
  useKeypad.setState({ digits: '', note: '', method: null, charging: false });
  useItems.setState({ entries: [], selected: 0 });
});
afterEach(() => {
  useKeypad.setState({ charging: false });
});

describe('keys pressed while a charge is on its way', () => {
  it('leave the amount it was made for, then the keypad clears for the next sale', async () => {
    typeAmount('25000');
    const { gateway, done } = startCharge(useTypedCharge);
    expect(gateway.asked).toEqual([{ amount: 25_000, method: 'qris' }]);
    expect(useKeypad.getState().charging).toBe(true);

    act(() => {
      typeAmount('9');
      useKeypad.getState().press('back');
      useKeypad.getState().press('clear');
    });
    expect(useKeypad.getState().digits).toBe('25000');

    await act(async () => {
      gateway.answer(order({ amount: 25_000, state: 'awaiting_payment' }));
      await done();
    });
    expect(useKeypad.getState().charging).toBe(false);
    expect(useKeypad.getState().digits).toBe('');
    act(() => typeAmount('7'));
    expect(useKeypad.getState().digits).toBe('7');
  });

  it('send one charge for a double press that lands before the window redraws', async () => {
    typeAmount('25000');
    const { gateway, result, done } = startCharge(useTypedCharge);
    let second!: Promise<void>;
    act(() => {
      second = result.current.chargeBy('qris');
    });
    expect(gateway.asked).toEqual([{ amount: 25_000, method: 'qris' }]);

    await act(async () => {
      gateway.answer(order({ amount: 25_000, state: 'awaiting_payment' }));
      await Promise.all([done(), second]);
    });
    expect(gateway.asked).toHaveLength(1);
    expect(useKeypad.getState().charging).toBe(false);
  });

  it('after a refused charge, leave the amount in place and take keys again', async () => {
    typeAmount('15000');
    const { gateway, result, done } = startCharge(useTypedCharge);
    act(() => typeAmount('0'));
    expect(useKeypad.getState().digits).toBe('15000');

    await act(async () => {
      gateway.refuse(new PosError('gateway_network', 'Pakasir did not answer'));
      await done();
    });
    expect(result.current.error).not.toBeNull();
    expect(useKeypad.getState().charging).toBe(false);
    expect(useKeypad.getState().digits).toBe('15000');
    act(() => useKeypad.getState().press('back'));
    expect(useKeypad.getState().digits).toBe('1500');
  });
});

/** The keypad's charge of the cart, as KeypadScreen wires it when the sale is rung up with items. */
function useCartCharge() {
  const entries = useItems((s) => s.entries);
  return useKeypadCharge({
    amount: 18_000,
    note: '',
    items: entries,
    plan: { kind: 'ready', method: 'qris' },
    feePayer: 'customer',
    hasSettings: true,
    cartPriced: true,
    reset: useKeypad.getState().reset,
  });
}

describe('the cart while its charge is on its way', () => {
  it('takes no tap, scan or change, then empties for the next customer', async () => {
    act(() => {
      useItems.getState().add('kopi');
      useItems.getState().add('kopi');
    });
    const { gateway, done } = startCharge(useCartCharge);
    expect(gateway.asked).toEqual([{ amount: 18_000, method: 'qris', items: [{ itemId: 'kopi', qty: 2 }] }]);

    act(() => {
      useItems.getState().add('roti');
      useItems.getState().change(0, 1);
      useItems.getState().remove(0);
    });
    expect(useItems.getState().entries).toEqual([{ itemId: 'kopi', qty: 2 }]);

    await act(async () => {
      gateway.answer(order({ amount: 18_000, state: 'awaiting_payment' }));
      await done();
    });
    expect(useItems.getState().entries).toEqual([]);
    act(() => useItems.getState().add('roti'));
    expect(useItems.getState().entries).toEqual([{ itemId: 'roti', qty: 1 }]);
  });
});

describe('the charge button while its charge is on its way', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes straight to the answer when main answers quickly: no "charging" drawn in between', async () => {
    typeAmount('25000');
    const { gateway, result, done } = startCharge(useTypedCharge);
    expect(useKeypad.getState().charging).toBe(true);
    act(() => vi.advanceTimersByTime(CHARGING_SHOWN_AFTER_MS - 1));
    expect(result.current.busy).toBe(false);
    await act(async () => {
      gateway.answer(order({ amount: 25_000, state: 'awaiting_payment' }));
      await done();
    });
    act(() => vi.advanceTimersByTime(CHARGING_SHOWN_AFTER_MS));
    expect(result.current.busy).toBe(false);
  });

  it('says it is charging once the answer takes a moment, until main answers', async () => {
    typeAmount('25000');
    const { gateway, result, done } = startCharge(useTypedCharge);
    expect(result.current.busy).toBe(false);
    act(() => vi.advanceTimersByTime(CHARGING_SHOWN_AFTER_MS));
    expect(result.current.busy).toBe(true);
    expect(result.current.canCharge).toBe(false);
    await act(async () => {
      gateway.refuse(new PosError('gateway_network', 'Pakasir did not answer'));
      await done();
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.canCharge).toBe(true);
  });

  it('asks nothing on a second Enter before the button shows it: the method question stays closed', async () => {
    typeAmount('25000');
    let plan: ChargePlan = { kind: 'ready', method: 'qris' };
    const { gateway, result, rerender, done } = startCharge(() => useTypedCharge(plan));
    // The cashier switches to a method that asks, and presses Enter again at once.
    plan = { kind: 'ask', method: 'bni_va', problem: { code: 'below_min', min: 10_000 }, fits: ['qris'] };
    rerender();
    await act(async () => {
      await result.current.charge();
    });
    expect(result.current.asking).toBe(false);
    expect(gateway.asked).toHaveLength(1);
    await act(async () => {
      gateway.answer(order({ amount: 25_000, state: 'awaiting_payment' }));
      await done();
    });
  });

  it('follows a charge that began before it was listening', () => {
    const { result } = renderHook(() => {
      // Runs after the first render, before the hook subscribes to the keypad store.
      useLayoutEffect(() => useKeypad.setState({ charging: true }), []);
      return useChargingShown();
    });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(CHARGING_SHOWN_AFTER_MS));
    expect(result.current).toBe(true);
  });
});
