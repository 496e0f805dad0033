import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type EventName, type Events, type Transport, type TransportCalls } from '@shared/contract/api';
import type { SettingsView } from '@shared/domain';
import { createPosApi } from '@renderer/api/pos-api';
import { useLanguage } from '@renderer/i18n';
import { describeError } from '@renderer/lib/errors';
import { saleScreen } from '@renderer/lib/sale-view';
import { connectPosStore, usePos } from '@renderer/stores/pos-store';
import { order } from './fixtures';

const settings: SettingsView = {
  projectSlug: '',
  apiKeySet: false,
  apiKeyHint: null,
  apiVersion: 'v2',
  sandbox: true,
  baseUrl: 'https://app.pakasir.com',
  terminalPrefix: 'POS1',
  defaultMethod: 'qris',
  linkQrisOnly: false,
  linkRedirectUrl: '',
  customerDisplayEnabled: true,
  customerDisplayId: null,
  shopName: 'Warung',
  language: 'en',
  businessDayCutoffHour: 4,
  csvDelimiter: ';',
  secretBackend: 'memory',
  secretProtected: false,
  acceptInsecureStorage: false,
  voiceEnabled: true,
  soundVolume: 80,
  secretBackendChanged: null,
  mode: 'demo',
  feePayer: 'shop',
  feePayerChosen: false,
  pakasirFeeBearer: null,
};

/** An in-memory transport: answers a few calls and lets the test push events. */
function fakeTransport(answers: Partial<Record<string, unknown>>) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    calls[name] = async () =>
      name in answers
        ? { ok: true, value: answers[name] }
        : {
            ok: false,
            error: { code: 'invalid_input', message: 'bad', issues: [{ path: 'amount', message: 'too big' }] },
          };
  }
  const transport: Transport = {
    calls: calls as unknown as TransportCalls,
    on<E extends EventName>(event: E, l: (p: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(l as (p: unknown) => void);
      return () => set.delete(l as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: Events[E]) => listeners.get(event)?.forEach((l) => l(payload));
  // The link to main is back after a drop, as the harness socket says it.
  const backAgain = new Set<() => void>();
  transport.onReconnect = (l) => {
    backAgain.add(l);
    return () => backAgain.delete(l);
  };
  const reconnect = () => backAgain.forEach((l) => l());
  return { transport, emit, reconnect };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('pos store', () => {
  it('loads the starting state and follows pushed events', async () => {
    const running = order({ state: 'awaiting_payment' });
    const { transport, emit } = fakeTransport({
      getSettings: settings,
      getAppInfo: { version: '0', mode: 'demo', shell: 'browser', platform: 'linux', dataDir: '/tmp' },
      getConnectivity: { state: 'online', lastOkAt: null, detail: null },
      getActiveSale: running,
    });
    const off = connectPosStore(createPosApi(transport));
    await flush();
    expect(usePos.getState().settings?.shopName).toBe('Warung');
    expect(useLanguage.getState().lang).toBe('en');
    expect(usePos.getState().activeSale?.orderId).toBe(running.orderId);

    emit('orderUpdated', {
      ...running,
      state: 'paid',
      updatedAt: '2026-01-01T10:01:00.000Z',
      revision: running.revision + 1,
    });
    expect(usePos.getState().activeSale?.state).toBe('paid');

    // An update for another order does not replace the counter's sale.
    emit('orderUpdated', order({ orderId: 'POS1-OTHER-0009', state: 'canceled' }));
    expect(usePos.getState().activeSale?.orderId).toBe(running.orderId);

    emit('connectivityChanged', { state: 'offline', lastOkAt: null, detail: 'network' });
    expect(usePos.getState().connectivity.state).toBe('offline');

    emit('storageHealth', { problem: 'disk_full', since: '2026-01-01T10:00:00.000Z' });
    expect(usePos.getState().storage.problem).toBe('disk_full');
    emit('storageHealth', { problem: null, since: null });
    expect(usePos.getState().storage.problem).toBeNull();

    emit('settingsChanged', { ...settings, language: 'id' });
    expect(useLanguage.getState().lang).toBe('id');

    emit('notice', { id: 'n1', level: 'alarm', key: 'notice.latePayment', params: {}, at: '2026-01-01T10:00:00Z' });
    emit('notice', { id: 'n1', level: 'alarm', key: 'notice.latePayment', params: {}, at: '2026-01-01T10:00:00Z' });
    expect(usePos.getState().notices).toHaveLength(1);
    usePos.getState().dismissNotice('n1');
    expect(usePos.getState().notices).toHaveLength(0);

    emit('jobProgress', { jobId: 'j1', kind: 'export', state: 'running', done: 5, total: 10 });
    expect(usePos.getState().jobs.j1?.done).toBe(5);

    emit('activeSaleChanged', null);
    expect(usePos.getState().activeSale).toBeNull();
    off();
  });

  it('starts at the keypad when the sale found at load had already finished', async () => {
    const done = order({ orderId: 'POS1-20260101-0077', state: 'canceled' });
    const { transport } = fakeTransport({ getSettings: settings, getActiveSale: done });
    const off = connectPosStore(createPosApi(transport));
    await flush();
    expect(saleScreen(usePos.getState().activeSale, usePos.getState().dismissedOrderId)).toBe('keypad');
    off();
  });

  it('loads again when its link is back: the sale it showed is shown as it ended meanwhile', async () => {
    const running = order({ orderId: 'POS1-20260101-0080', state: 'awaiting_payment' });
    const answers: Record<string, unknown> = { getSettings: settings, getActiveSale: running };
    const { transport, reconnect } = fakeTransport(answers);
    const off = connectPosStore(createPosApi(transport));
    await flush();
    expect(usePos.getState().activeSale?.state).toBe('awaiting_payment');

    // Paid while the link was down: the event was lost, the state is not.
    answers.getActiveSale = { ...running, state: 'paid', revision: running.revision + 2 };
    answers.getSettings = { ...settings, shopName: 'Warung Baru' };
    reconnect();
    await flush();
    expect(usePos.getState().activeSale).toMatchObject({ orderId: running.orderId, state: 'paid' });
    expect(saleScreen(usePos.getState().activeSale, usePos.getState().dismissedOrderId)).toBe('outcome');
    expect(usePos.getState().settings?.shopName).toBe('Warung Baru');

    // Put away meanwhile: the counter is free again.
    answers.getActiveSale = null;
    reconnect();
    await flush();
    expect(usePos.getState().activeSale).toBeNull();
    off();
  });

  it('after a drop, a sale it never showed that already ended does not take the screen', async () => {
    const answers: Record<string, unknown> = { getSettings: settings, getActiveSale: null };
    const { transport, reconnect } = fakeTransport(answers);
    usePos.setState({ activeSale: null, dismissedOrderId: null });
    const off = connectPosStore(createPosApi(transport));
    await flush();
    answers.getActiveSale = order({ orderId: 'POS1-20260101-0081', state: 'canceled' });
    reconnect();
    await flush();
    expect(saleScreen(usePos.getState().activeSale, usePos.getState().dismissedOrderId)).toBe('keypad');
    off();
  });

  it('turns a rejected call into a translated message with its field issues', async () => {
    const { transport } = fakeTransport({});
    const api = createPosApi(transport);
    useLanguage.getState().setLang('en');
    const err = await api.charge({ amount: 1, method: 'qris' }).catch((e: unknown) => e);
    const shown = describeError(err);
    expect(shown.code).toBe('invalid_input');
    expect(shown.text).toBe('The data entered is not valid.');
    expect(shown.issues).toEqual(['amount: too big']);
  });
});

describe('the counter sale', () => {
  it('a charge answer overtaken by the sale ending does not put it back; a newer one or another sale does', () => {
    usePos.setState({ activeSale: null, endedSale: null });
    const store = usePos.getState();
    const waiting = order({ orderId: 'POS1-RACE-0001', revision: 2 });
    // Main's events come first: the QR, then the cancel, then the counter is cleared.
    store.setActiveSale(waiting);
    store.orderUpdated({ ...waiting, state: 'canceled', revision: 3 });
    store.setActiveSale(null);
    // The charge's own answer, late, still says "awaiting payment".
    store.saleAnswered(waiting);
    expect(usePos.getState().activeSale).toBeNull();
    store.saleAnswered({ ...waiting, state: 'canceled', revision: 3 });
    expect(usePos.getState().activeSale).toBeNull();

    // Main moved that sale on after it ended (a newer revision): that is news.
    store.saleAnswered({ ...waiting, state: 'paid', revision: 4 });
    expect(usePos.getState().activeSale).toMatchObject({ orderId: 'POS1-RACE-0001', state: 'paid' });
    // Another sale's answer is always taken.
    store.setActiveSale(null);
    store.saleAnswered(order({ orderId: 'POS1-NEXT-0002', revision: 1 }));
    expect(usePos.getState().activeSale?.orderId).toBe('POS1-NEXT-0002');
  });

  it('an event from main always wins, even about the sale it ended before', () => {
    usePos.setState({ activeSale: null, endedSale: { orderId: 'POS1-RACE-0001', revision: 3 } });
    usePos.getState().setActiveSale(order({ orderId: 'POS1-RACE-0001', revision: 3 }));
    expect(usePos.getState().activeSale?.orderId).toBe('POS1-RACE-0001');
  });
});

describe('jobs', () => {
  it('keeps a finished job finished when the start answer arrives after its events', () => {
    const store = usePos.getState();
    store.jobProgress({
      jobId: 'late',
      kind: 'export',
      state: 'done',
      done: 3,
      total: 3,
      file: { name: 'x.csv', bytes: 10 },
    });
    store.jobProgress({ jobId: 'late', kind: 'export', state: 'running', done: 0, total: 0 });
    expect(usePos.getState().jobs.late?.state).toBe('done');
  });

  it('never moves progress backwards', () => {
    const store = usePos.getState();
    store.jobProgress({ jobId: 'p', kind: 'export', state: 'running', done: 7, total: 10 });
    store.jobProgress({ jobId: 'p', kind: 'export', state: 'running', done: 2, total: 10 });
    expect(usePos.getState().jobs.p?.done).toBe(7);
    store.jobProgress({ jobId: 'p', kind: 'export', state: 'canceled', done: 7, total: 10 });
    expect(usePos.getState().jobs.p?.state).toBe('canceled');
  });
});
