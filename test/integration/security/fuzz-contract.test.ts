import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../src/shared/contract/api';
import { startHarnessRig, type HarnessRig } from '../../support/harness';
import { seededRandom } from '../../support/random';

/**
 * Thousands of random and hostile inputs to every contract call through the harness: the
 * app must not crash, must refuse each with a clear typed error, and must leave the journal
 * and the settings exactly as they were.
 */
let rig: HarnessRig;
beforeAll(async () => {
  rig = await startHarnessRig();
  // Something in the journal to protect.
  const sale = await rig.call('charge', { amount: 25_000, method: 'qris', note: 'fuzz baseline' });
  expect(sale.body.ok).toBe(true);
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

function snapshot(): { orders: number; events: number; settings: string } {
  const db = rig.services.store;
  const page = db.list({}, 500);
  const events = page.items.reduce((n, o) => n + db.events(o.orderId).length, 0);
  const file = join(rig.dataDir, 'settings.json');
  return { orders: page.total, events, settings: existsSync(file) ? readFileSync(file, 'utf8') : '(defaults)' };
}

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

  it('refuses bodies that are not JSON, unknown calls and calls without the token', async () => {
    const before = snapshot();
    for (const raw of ['{', 'null', '"amount"', '[]', '\u0000', '{"amount": 1e999}']) {
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
