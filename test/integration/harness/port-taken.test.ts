import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBin } from '../../../scripts/lib/node-bin.mjs';
import { listenProblem, portFromArgs } from '../../../src/harness/cli-port';

/** `npm run dev:web` as a person runs it: the real CLI in its own process. */
const ROOT = resolve(import.meta.dirname, '../../..');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [node, tsx] = nodeBin('tsx');
  const child = spawn(node!, [tsx!, join(ROOT, 'src/harness/cli.ts'), ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

describe('the browser harness on a port that is taken', () => {
  let blocker: Server;
  let port: number;
  const dirs: string[] = [];

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    port = (blocker.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((r) => blocker.close(r));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('says so in one sentence with the way to choose another, closes the journal and exits 1', async () => {
    const data = mkdtempSync(join(tmpdir(), 'pos-port-'));
    dirs.push(data);
    const run = await runCli(['--port', String(port), '--data', data]);
    expect(run.code).toBe(1);
    const last = run.stderr.trimEnd().split('\n').at(-1);
    expect(last).toBe(
      `Port ${port} on 127.0.0.1 is already in use (is the app already running in another terminal?): choose another with \`npm run dev:web -- --port ${port + 1}\`.`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toContain('is running');
    // The journal was opened and closed cleanly: nothing left in its write-ahead log.
    expect(existsSync(join(data, 'orders.sqlite'))).toBe(true);
    expect(existsSync(join(data, 'orders.sqlite-wal'))).toBe(false);
  });

  it('refuses a port that is not a number before touching anything', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'pos-port-')), 'never-created');
    dirs.push(resolve(data, '..'));
    const run = await runCli(['--port', 'http', '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      '--port needs a number from 1 to 65535, not "http": for example `npm run dev:web -- --port 5181`.\n',
    );
    expect(existsSync(data)).toBe(false);
  });
});

describe('port arguments and refusals', () => {
  it('reads --port, defaults to 5180, and refuses what is not a port', () => {
    expect(portFromArgs(['node', 'cli.ts'])).toEqual({ port: 5180 });
    expect(portFromArgs(['node', 'cli.ts', '--port', '8080'])).toEqual({ port: 8080 });
    for (const bad of ['0', '65536', '-1', '80.5', ''])
      expect(portFromArgs(['node', 'cli.ts', '--port', bad])).toHaveProperty('error');
  });

  it('explains a taken or privileged port, and nothing else', () => {
    expect(listenProblem({ code: 'EADDRINUSE' }, 65_535)).toContain('--port 65534');
    expect(listenProblem({ code: 'EACCES' }, 80)).toBe(
      'Port 80 needs administrator rights on this computer: choose one above 1024 with `npm run dev:web -- --port 5180`.',
    );
    expect(listenProblem(new Error('boom'), 5180)).toBeNull();
  });
});
