import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarnessRig, type HarnessRig } from '../../support/harness';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * The API key is set through the contract, then a full day's work runs through the harness
 * against a project on the simulator (API v1, where the key travels in bodies and query
 * strings, the worst case): sales paid and canceled, failures, a connection test, exports,
 * a report and a reconciliation. Then every place the key could escape to is searched.
 */
let sim: TestSimulator;
let rig: HarnessRig;
let key: string;
const root = resolve(import.meta.dirname, '../../..');

beforeAll(async () => {
  sim = await startTestSimulator();
  key = sim.sandbox.apiKey;
  rig = await startHarnessRig();
});
afterAll(async () => {
  await rig?.close();
  await sim?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function waitState(orderId: string, state: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (rig.services.store.get(orderId)?.state === state) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${orderId} never became ${state}`);
}

async function waitJob(jobId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const frames = rig.seen.join('');
    if (
      frames.includes(`"jobId":"${jobId}","kind"`) &&
      new RegExp(`"jobId":"${jobId}"[^}]*"state":"(done|failed)"`).test(frames)
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the API key never leaves main', () => {
  it('is in no answer, event, log line, export, journal, bundle or environment variable', async () => {
    const events = await rig.events();
    const ok = (r: { body: { ok: boolean } }) => expect(r.body.ok).toBe(true);
    ok(
      await rig.call('updateSettings', {
        projectSlug: sim.sandbox.slug,
        apiVersion: 'v1',
        sandbox: true,
        baseUrl: sim.baseUrl,
        acceptInsecureStorage: true,
      }),
    );
    const setKey = await rig.call('setApiKey', { apiKey: key });
    ok(setKey);
    expect((setKey.body.value as { apiKeyHint: string }).apiKeyHint).toBe(key.slice(-4));
    ok(await rig.call('testConnection'));

    const paid = await rig.call('charge', { amount: 99_000, method: 'qris', note: 'leak check' });
    ok(paid);
    const paidId = (paid.body.value as { orderId: string }).orderId;
    ok(await rig.call('simulatePayment', { orderId: paidId }));
    await waitState(paidId, 'paid');
    ok(await rig.call('dismissSale', { orderId: paidId }));

    const canceled = await rig.call('charge', { amount: 20_000, method: 'bni_va' });
    ok(canceled);
    ok(await rig.call('cancelSale', { orderId: (canceled.body.value as { orderId: string }).orderId }));

    // Failures: a refused amount, a gateway error on create, a wrong key.
    expect((await rig.call('charge', { amount: 100, method: 'qris' })).body.ok).toBe(false);
    sim.faults.add({ route: 'v1.create', status: 500 });
    await rig.call('charge', { amount: 13_000, method: 'qris' });
    sim.faults.add({
      route: 'v1.detail',
      status: 401,
      body: JSON.stringify({ message: `Api key tidak valid: ${key}` }),
    });
    await rig.call('testConnection');

    const day = new Date().toISOString().slice(0, 10);
    for (const format of ['csv', 'xlsx', 'jsonl'] as const) {
      const job = await rig.call('startExport', { format, filter: {} });
      ok(job);
      await waitJob((job.body.value as { jobId: string }).jobId);
    }
    const report = await rig.call('exportDailyReport', { day, format: 'csv' });
    ok(report);
    await waitJob((report.body.value as { jobId: string }).jobId);
    ok(await rig.call('getDailyReport', { day }));
    ok(await rig.call('listOrders', { filter: {}, limit: 50 }));
    ok(await rig.call('getOrder', { orderId: paidId }));
    const rec = await rig.call('startReconcile', { day });
    ok(rec);
    await waitJob((rec.body.value as { jobId: string }).jobId);
    ok(await rig.call('getSettings'));
    events.stop();

    // 1. Every answer and every pushed event, over the event stream and the renderer's socket.
    expect(rig.seen.length).toBeGreaterThan(20);
    expect(rig.seen.some((text) => text.startsWith('{"event":"orderUpdated"'))).toBe(true);
    for (const text of rig.seen) expect(text).not.toContain(key);

    // 2. Every file the app wrote (logs, journal, exports, settings): the harness keeps the
    //    key in memory only, so no file holds it, not even as the harness's encoding.
    const written = filesUnder(rig.dataDir);
    expect(written.some((f) => f.endsWith('api-key.json'))).toBe(false);
    expect(written.some((f) => f.includes(`${join('logs', 'pos.log')}`))).toBe(true);
    expect(written.filter((f) => /\.(csv|xlsx|jsonl)$/.test(f)).length).toBeGreaterThanOrEqual(4);
    for (const file of written) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(key)), `${file} holds the key`).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(key).toString('base64'))), `${file} holds it in base64`).toBe(
        false,
      );
    }
    // The log did record the work (so the search above searched something real).
    expect(readFileSync(join(rig.dataDir, 'logs', 'pos.log'), 'utf8')).toMatch(/notice|sale|demo|settings|order/i);

    // 3. The built renderer bundle and the environment.
    for (const file of filesUnder(join(root, 'out', 'renderer')))
      expect(readFileSync(file).includes(Buffer.from(key))).toBe(false);
    for (const value of Object.values(process.env)) expect(value ?? '').not.toContain(key);
  }, 120_000);
});
