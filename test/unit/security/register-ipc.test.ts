import { describe, expect, it } from 'vitest';
import { CALL_NAMES, callChannel } from '../../../src/shared/contract/api';
import type { Handlers } from '../../../src/main/api/dispatch';
import { registerIpc, type IpcInvokeEventLike, type IpcMainLike } from '../../../src/main/ipc/register';
import { isAppUrl } from '../../../src/main/security/trusted-url';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

/** Handlers that record what reached them; only getSettings and cancelSale are exercised. */
function recordingHandlers() {
  const calls: { name: string; args: unknown[] }[] = [];
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (...args: unknown[]) => {
        calls.push({ name, args });
        return { handled: name };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const appFrame = (url = 'app://pos/index.html'): IpcInvokeEventLike => ({ senderFrame: { url, parent: null } });

describe('registerIpc', () => {
  it('registers one handler per contract call on its fixed channel', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, recordingHandlers().handlers, (u) => isAppUrl(u));
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => callChannel(n)).sort());
  });

  it('runs a valid call from the app page and passes only the parsed input, never the event', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const rec = recordingHandlers();
    registerIpc(ipc, rec.handlers, (u) => isAppUrl(u));
    const event = { ...appFrame(), sender: { secret: 'the event object' } };
    const out = await handlers.get(callChannel('cancelSale'))!(event, { orderId: 'KSR1-20250101-0001' }, 'extra arg');
    expect(out).toEqual({ ok: true, value: { handled: 'cancelSale' } });
    expect(rec.calls).toEqual([{ name: 'cancelSale', args: [{ orderId: 'KSR1-20250101-0001' }] }]);
  });

  it('rejects input that fails the schema before any handler runs', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const rec = recordingHandlers();
    registerIpc(ipc, rec.handlers, (u) => isAppUrl(u));
    const bad = await handlers.get(callChannel('cancelSale'))!(appFrame(), { orderId: '../../etc', extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const charge = await handlers.get(callChannel('charge'))!(appFrame(), { amount: 1.5, method: 'qris' });
    expect(charge).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rec.calls).toEqual([]);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a lookalike app host', { senderFrame: { url: 'app://pos.evil/index.html', parent: null } }],
    ['a subframe of the app page', { senderFrame: { url: 'app://pos/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses a call from %s', async (_label, event) => {
    const { ipc, handlers } = fakeIpcMain();
    const rec = recordingHandlers();
    const warnings: string[] = [];
    registerIpc(ipc, rec.handlers, (u) => isAppUrl(u), { warn: (m) => warnings.push(m) });
    const out = await handlers.get(callChannel('getSettings'))!(event as IpcInvokeEventLike, {});
    expect(out).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(rec.calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('treats a frame whose url getter throws as untrusted', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const rec = recordingHandlers();
    registerIpc(ipc, rec.handlers, (u) => isAppUrl(u));
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await handlers.get(callChannel('getSettings'))!(event, {})).toMatchObject({
      error: { code: 'untrusted_sender' },
    });
  });

  it('the returned function removes every handler', () => {
    const { ipc, handlers } = fakeIpcMain();
    const off = registerIpc(ipc, recordingHandlers().handlers, (u) => isAppUrl(u));
    off();
    expect(handlers.size).toBe(0);
  });
});
