import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../src/shared/contract/api';
import { startHarnessRig, type HarnessRig } from '../../support/harness';
import { seededRandom } from '../../../testkit/random';
import { CALL_FIELDS, HOSTILE } from './hostile-values';

/**
 * Thousands of random and hostile inputs to every contract call through the harness: the
 * app must not crash, must refuse each with a clear typed error, and must leave the journal
 * and the settings exactly as they were.
 */
let rig: HarnessRig;
let baselineId: string;
beforeAll(async () => {
  rig = await startHarnessRig();
  // Something in the journal to protect.
  const sale = await rig.call('charge', { amount: 25_000, method: 'qris', note: 'fuzz baseline' });
  expect(sale.body.ok).toBe(true);
  baselineId = (sale.body.value as { orderId: string }).orderId;
});
afterAll(async () => {
  await rig.close();
});

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'x'.repeat(100_000),
  "'; DROP TABLE orders; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000\u202e',
  '💥'.repeat(50),
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** An input that can never be valid: a hostile value under a known or unknown key. */
function hostileInput(random: () => number): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const keys = [
    'amount',
    'method',
    'note',
    'orderId',
    'filter',
    'limit',
    'cursor',
    'day',
    'format',
    'apiKey',
    'jobId',
    'resolution',
    'projectSlug',
    'baseUrl',
    'language',
    'zz_unknown',
  ];
  const shape = random();
  if (shape < 0.15) return pick(HOSTILE_VALUES.filter((v) => typeof v !== 'object' || Array.isArray(v) || v === null));
  const input: Record<string, unknown> = {};
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) input[pick(keys)] = pick(HOSTILE_VALUES);
  // An unknown key makes every strict schema refuse, so the input is invalid by construction.
  input[`zz_${Math.floor(random() * 1e6)}`] = pick(HOSTILE_VALUES);
  return input;
}

function snapshot() {
  const db = rig.services.store;
  const page = db.list({}, 500);
  const events = page.items.reduce((n, o) => n + db.events(o.orderId).length, 0);
  const read = (name: string) => {
    const file = join(rig.dataDir, name);
    return existsSync(file) ? readFileSync(file, 'utf8') : '(none)';
  };
  return {
    orders: page.items.map((o) => `${o.orderId}:${o.state}:${o.amount}:${o.note}`),
    total: page.total,
    events,
    settings: read('settings.json'),
    install: read('install.json'),
    printer: read('printer.json'),
    shopServer: read('shop-server.json'),
    printJobs: rig.services.printing.listJobs(200).length,
    owner: read('owner.json'),
    counter: counterRows(),
    key: rig.services.settings.view().apiKeySet,
    journal: rig.services.journal.status().state,
  };
}

/** Every row of the counter's tables, counted: a refused call writes none. */
function counterRows(): Record<string, number> {
  const db = new Database(join(rig.dataDir, 'orders.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = ['sales', 'shifts', 'shift_events', 'refunds', 'staff', 'staff_events', 'day_closes', 'sync_outbox'];
    return Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

/** A call's input with its own keys: valid values where given, hostile ones in `hostileFields`. */
function shapedInput(
  name: (typeof CALL_NAMES)[number],
  hostileFields: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(CALL_FIELDS[name])) {
    if (key in hostileFields) input[key] = hostileFields[key];
    else if (field.valid === 'BASELINE') input[key] = baselineId;
    else if (field.valid !== undefined) input[key] = field.valid;
  }
  return input;
}

async function expectRefused(name: string, input: unknown, what: string): Promise<void> {
  const { status, body } = await rig.call(name, input);
  // 413 when the body is larger than any call accepts; the envelope says why either way.
  expect([200, 413], what).toContain(status);
  expect(body.ok, `${name} accepted ${what}`).toBe(false);
  expect(body.error!.code, `${name} ${what}: ${body.error!.message}`).toBe('invalid_input');
  expect(body.error!.message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

const describeValue = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
};

describe('fuzzing every contract call through the harness', () => {
  it('refuses every hostile input with a clear invalid_input error and changes nothing', async () => {
    const before = snapshot();
    const random = seededRandom(42);
    let sent = 0;
    for (let round = 0; round < 120; round++) {
      await Promise.all(
        CALL_NAMES.map(async (name) => {
          const { status, body } = await rig.call(name, hostileInput(random));
          sent += 1;
          // 413 when the hostile input is larger than any call accepts; the envelope says why either way.
          expect([200, 413]).toContain(status);
          expect(body.ok, `${name} accepted a hostile input`).toBe(false);
          expect(body.error!.code).toBe('invalid_input');
          expect(body.error!.message.length).toBeGreaterThan(10);
          expect(body.error!.message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
        }),
      );
    }
    expect(sent).toBeGreaterThanOrEqual(3000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it('refuses hostile values in valid shapes: every field of every call, one by one and in pairs', async () => {
    const before = snapshot();
    let sent = 0;
    for (const name of CALL_NAMES) {
      const fields = Object.entries(CALL_FIELDS[name]);
      if (fields.length === 0) {
        for (const value of HOSTILE.noInput) {
          await expectRefused(name, value, describeValue(value));
          sent += 1;
        }
        continue;
      }
      // Every hostile value of every field, the other fields valid: the one bad value must
      // be what is refused.
      for (const [key, field] of fields) {
        for (const value of HOSTILE[field.hostile]) {
          await expectRefused(name, shapedInput(name, { [key]: value }), `${key}=${describeValue(value)}`);
          sent += 1;
        }
      }
    }
    // Pairs of hostile values at random, seeded.
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let i = 0; i < 400; i++) {
      const name = pick(CALL_NAMES.filter((n) => Object.keys(CALL_FIELDS[n]).length >= 2));
      const fields = Object.entries(CALL_FIELDS[name]);
      const hostile: Record<string, unknown> = {};
      for (let j = 0; j < 2; j++) {
        const [key, field] = pick(fields);
        hostile[key] = pick(HOSTILE[field.hostile]);
      }
      await expectRefused(name, shapedInput(name, hostile), describeValue(hostile));
      sent += 1;
    }
    expect(sent).toBeGreaterThan(1400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(snapshot()).toEqual(before);
  }, 300_000);

  it('refuses bodies that are not JSON, unknown calls and calls without the token', async () => {
    const before = snapshot();
    for (const raw of [
      '{',
      'null',
      '"amount"',
      '[]',
      '\u0000',
      '{"amount": 1e999, "method": "qris"}',
      '{"amount": -1e999, "method": "qris"}',
      '{"amount": 22000, "method": "qris", "amount": "22000"}',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `{"amount": 22000, "method": "qris", "note": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
    ]) {
      const { body } = await rig.call('charge', undefined, raw);
      expect(body.ok).toBe(false);
      expect(body.error!.code).toBe('invalid_input');
    }
    for (const name of ['constructor', '__proto__', 'toString', 'eval', 'getAppInfo/../charge', 'hasOwnProperty']) {
      const res = await fetch(`${rig.harness.origin}/api/call/${name}`, {
        method: 'POST',
        headers: { 'x-pos-token': rig.harness.token },
        body: '{}',
      });
      const body = (await res.json()) as { ok: boolean; error: { code: string } };
      expect(body.ok).toBe(false);
      expect(['unknown_call', 'invalid_input']).toContain(body.error.code);
    }
    const noToken = await fetch(`${rig.harness.origin}/api/call/charge`, {
      method: 'POST',
      body: JSON.stringify({ amount: 10_000, method: 'qris' }),
    });
    expect(noToken.status).toBe(401);
    // A page on another name resolving to 127.0.0.1 (DNS rebinding) is refused by its Host.
    const wrongHost = await new Promise<number>((resolveStatus, reject) => {
      const url = new URL(rig.harness.origin);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/call/getAppInfo',
          method: 'POST',
          headers: { host: 'evil.example', 'x-pos-token': rig.harness.token },
        },
        (res) => {
          res.resume();
          resolveStatus(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(wrongHost).toBe(421);
    expect(snapshot()).toEqual(before);
  });
});
