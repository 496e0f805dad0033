import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/log/logger';
import { REDACTED, redactString, redactValue } from '../../../src/main/log/redact';

const KEY = 'Ab3dEf6hIj9kLm';

describe('redact', () => {
  it('scrubs api_key query values whoever wrote them', () => {
    const url =
      'https://app.pakasir.com/api/transactiondetail?project=warung&amount=22000&order_id=KSR1-1&api_key=zzzSECRETzzz';
    const out = redactString(url);
    expect(out).not.toContain('zzzSECRETzzz');
    expect(out).toContain(`api_key=${REDACTED}`);
    expect(out).toContain('order_id=KSR1-1');
    expect(redactString('GET /x?API_KEY=abc123456&b=1')).toBe(`GET /x?API_KEY=${REDACTED}&b=1`);
  });

  it('scrubs api_key JSON members and X-Api-Key headers', () => {
    expect(redactString('{"project":"w","api_key":"hunter22222","amount":1}')).toBe(
      `{"project":"w","api_key":"${REDACTED}","amount":1}`,
    );
    expect(redactString('X-Api-Key: hunter22222')).toBe(`X-Api-Key: ${REDACTED}`);
  });

  it('scrubs registered secrets in plain, URL-encoded and JSON-escaped forms', () => {
    const secret = 'k3y/with+sym"bols';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret)}`;
    const out = redactString(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain(JSON.stringify(secret).slice(1, -1));
  });

  it('redacts nested fields, errors and secret-named keys', () => {
    const err = new Error(`401 for key ${KEY}`);
    const value = redactValue({ apiKey: 'anything', nested: { list: [`x${KEY}x`] }, err }, [KEY]) as Record<
      string,
      unknown
    >;
    const json = JSON.stringify(value);
    expect(json).not.toContain(KEY);
    expect(value.apiKey).toBe(REDACTED);
    expect(json).toContain('401 for key');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(JSON.stringify(redactValue(a))).toContain('[cycle]');
  });
});

describe('logger', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON lines to the data folder and stderr, with the key scrubbed everywhere', () => {
    const err: string[] = [];
    const log = createLogger({ dataDir: dir, stderr: { write: (l: string) => err.push(l) } });
    log.addSecret(KEY);
    log.warn(`create failed for ${KEY}`, {
      url: `https://x/?api_key=${KEY}`,
      body: { api_key: KEY, amount: 5000 },
      error: new Error(KEY),
    });
    log.child('gateway').info('ok', { amount: 5000 });
    const file = readFileSync(join(dir, 'logs', 'pos.log'), 'utf8');
    expect(file).not.toContain(KEY);
    expect(err.join('')).not.toContain(KEY);
    const lines = file
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: `create failed for ${REDACTED}` });
    expect(lines[0].fields.body.amount).toBe(5000);
    expect(lines[1]).toMatchObject({ level: 'info', scope: 'gateway', msg: 'ok' });
  });

  it('drops lines below its level', () => {
    const out: string[] = [];
    const log = createLogger({ level: 'warn', stderr: { write: (l: string) => out.push(l) } });
    log.debug('d');
    log.info('i');
    log.error('e');
    expect(out.map((l) => JSON.parse(l).msg)).toEqual(['e']);
  });
});
