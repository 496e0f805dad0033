import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '@shared/domain';
import { MAX_FRAME_BYTES } from '@shared/contract/socket-frames';
import { createSocketTransport } from '../../../src/renderer/src/api/socket-transport';

/**
 * The harness transport as the page sees it: a stand-in for the browser's WebSocket that
 * the test opens, answers and drops, on fake timers so the reconnect is timed exactly.
 */
class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  sent: { id: number; call: string; input: unknown }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as { id: number; call: string; input: unknown });
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  push(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!;

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the harness socket transport', () => {
  it('opens the socket with the run token and sends a call made before it opened once it does', async () => {
    const t = createSocketTransport('http://127.0.0.1:5173', 'tok en');
    expect(latest().url).toBe('ws://127.0.0.1:5173/api/socket?token=tok%20en');
    const settings = t.calls.getSettings({} as never);
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent).toEqual([{ id: 1, call: 'getSettings', input: {} }]);
    latest().push({ id: 1, envelope: { ok: true, value: { projectSlug: 'toko' } } });
    await expect(settings).resolves.toEqual({ ok: true, value: { projectSlug: 'toko' } });
  });

  it('matches answers to calls by id, whatever order they come back in', async () => {
    const t = createSocketTransport('http://127.0.0.1:1', 't');
    latest().open();
    const first = t.calls.getOrder({ orderId: 'A' });
    const second = t.calls.getOrder({ orderId: 'B' });
    const [a, b] = latest().sent;
    latest().push({ id: b!.id, envelope: { ok: true, value: 'B' } });
    latest().push({ id: a!.id, envelope: { ok: true, value: 'A' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'A' });
    await expect(second).resolves.toEqual({ ok: true, value: 'B' });
  });

  it('says "not reachable" for a call whose socket drops, then reconnects and carries the next call', async () => {
    const t = createSocketTransport('http://127.0.0.1:1', 't');
    latest().open();
    const lost = t.calls.charge({ amount: 25_000, method: 'qris' });
    latest().drop();
    await expect(lost).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(FakeSocket.all).toHaveLength(2);
    // Refused again: the wait grows.
    latest().drop();
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    const next = t.calls.getSettings({} as never);
    latest().open();
    latest().push({ id: latest().sent[0]!.id, envelope: { ok: true, value: null } });
    await expect(next).resolves.toEqual({ ok: true, value: null });
  });

  it('says when it is back after a drop, not when it first opens, so the page loads its state again', () => {
    const t = createSocketTransport('http://127.0.0.1:1', 't');
    const back = vi.fn();
    const off = t.onReconnect!(back);
    latest().open();
    expect(back).not.toHaveBeenCalled();
    latest().drop();
    vi.advanceTimersByTime(200);
    latest().open();
    expect(back).toHaveBeenCalledTimes(1);
    off();
    latest().drop();
    vi.advanceTimersByTime(200);
    latest().open();
    expect(back).toHaveBeenCalledTimes(1);
  });

  it('hands each event to its listeners only, ignores names outside the contract, and stops on unsubscribe', () => {
    const t = createSocketTransport('http://127.0.0.1:1', 't');
    latest().open();
    const seen: OrderView[] = [];
    const off = t.on('orderUpdated', (o) => seen.push(o));
    const order = { orderId: 'POS-1', state: 'paid' } as OrderView;
    latest().push({ event: 'orderUpdated', payload: order });
    latest().push({ event: 'notAnEvent', payload: order });
    latest().push({ event: 'activeSaleChanged', payload: null });
    expect(seen).toEqual([order]);
    off();
    latest().push({ event: 'orderUpdated', payload: order });
    expect(seen).toHaveLength(1);
  });

  it('refuses a call over the frame limit on the page, so the socket and the charge in flight stay up', async () => {
    const t = createSocketTransport('http://127.0.0.1:1', 't');
    latest().open();
    const charge = t.calls.charge({ amount: 25_000, method: 'qris' });
    // Multi-byte text: under the limit in UTF-16 units, over it in UTF-8 bytes.
    const big = t.calls.charge({ amount: 25_000, method: 'qris', note: 'é'.repeat(MAX_FRAME_BYTES / 2) });
    await expect(big).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(latest().sent.map((f) => f.call)).toEqual(['charge']);
    latest().push({ id: latest().sent[0]!.id, envelope: { ok: true, value: 'sale' } });
    await expect(charge).resolves.toEqual({ ok: true, value: 'sale' });
    expect(FakeSocket.all).toHaveLength(1);
  });
});
