import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startHarnessCli, type CliRun } from '../../support/harness-cli';

/**
 * The browser harness as its own process (`npm run dev:web`), driven over HTTP like any
 * client: what it keeps on disk and how it treats a body that is too large.
 */
let dir: string;
let run: CliRun;
let origin: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-cli-'));
  run = startHarnessCli(dir, await freePort());
  ({ origin, token } = await run.ready);
}, 60_000);
afterAll(async () => {
  await run?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(name: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  const res = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pos-token': token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Sends the head of a request and `bodyBytes` of a chunked body, never the end; resolves with the first answer line. */
function partialUpload(path: string, headers: Record<string, string>, bodyBytes: number): Promise<string> {
  const url = new URL(origin);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`no answer while the body was still arriving (sent ${bodyBytes} bytes)`));
    }, 10_000);
    socket.on('data', (c: Buffer) => {
      answer += c.toString('latin1');
      if (answer.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        done(answer.slice(0, answer.indexOf('\r\n')));
      }
    });
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      const head = [`POST ${path} HTTP/1.1`, `Host: ${url.host}`, `x-pos-token: ${token}`];
      for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      for (let sent = 0; sent < bodyBytes; sent += chunk.length) {
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
      }
    });
  });
}

describe('the browser harness process', () => {
  it('keeps the API key in memory only: no file in the data folder holds it in any encoding', async () => {
    const key = 'sk_harness_memory_7Hq2Lp9X';
    expect((await call('updateSettings', { projectSlug: 'warung', acceptInsecureStorage: true })).ok).toBe(true);
    const saved = await call('setApiKey', { apiKey: key });
    expect(saved.ok).toBe(true);
    expect(((await call('getSettings', {})) as { value?: { apiKeySet: boolean } }).value?.apiKeySet).toBe(true);
    expect(existsSync(join(dir, 'api-key.json'))).toBe(false);
    const encodings = [key, Buffer.from(key).toString('base64'), Buffer.from(key).toString('hex')];
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file);
      for (const e of encodings) expect(bytes.includes(Buffer.from(e)), `${file} holds the key`).toBe(false);
    }
  });

  it('answers 413 as soon as a chunked body passes the limit, without waiting for the rest', async () => {
    // 1 MiB sent of a body that never ends: the answer must come while it is still arriving.
    const line = await partialUpload('/api/call/charge', { 'transfer-encoding': 'chunked' }, 1024 * 1024);
    expect(line).toMatch(/^HTTP\/1\.1 413/);
  });

  it('refuses a declared 60 MB body before reading any of it', async () => {
    const line = await partialUpload('/api/call/charge', { 'content-length': String(60 * 1024 * 1024) }, 0);
    expect(line).toMatch(/^HTTP\/1\.1 413/);
    // The harness is still serving.
    expect((await call('getAppInfo', {})).ok).toBe(true);
  });
});
