import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';

/**
 * `npm run server -- …` as an owner runs it: set up roles and database, migrate as the
 * owner role, serve as the app role, make a pairing code. And the bundled build the
 * Compose file ships does the same.
 */
const root = resolve(import.meta.dirname, '../..');
let pgs: TestPostgres;

beforeAll(async () => {
  pgs = await startPostgres();
});
afterAll(async () => {
  await pgs?.stop();
});

const url = (role: string, db: string) => pgs.adminUrl(db).replace('pos_test_admin@', `${role}@`);

const TSX = ['--import', 'tsx', 'src/server/cli.ts'];

function cli(args: string[], env: Record<string, string>, entry: string[] = TSX, input?: string) {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [...entry, ...args], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        ...(input === undefined ? {} : { input }),
      }),
    };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** Starts `serve` from the source or the bundle, calls `check` with its address, stops it. */
async function serving(entry: string[], env: Record<string, string>, check: (base: string) => Promise<void>) {
  const server = spawn(process.execPath, [...entry, 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env, PAKASIR_WEBHOOK_SECRET: 'x'.repeat(32), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const listening = await new Promise<string>((ok, fail) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) ok(m[1]!);
      });
      server.once('exit', (c) => fail(new Error(`exited ${c}`)));
    });
    await check(listening);
  } finally {
    server.kill('SIGTERM');
  }
}

/** The owner's page, built by `npm run build`, is served at `/` with its policy. */
async function ownerPageServed(base: string): Promise<void> {
  const page = await fetch(`${base}/`);
  expect(page.status, 'out/owner must be built (npm run build) for the server to serve it').toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  const html = await page.text();
  const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html);
  expect(script).not.toBeNull();
  expect((await fetch(`${base}/${script![1]}`)).status).toBe(200);
}

describe('the server command line', () => {
  it('sets up, migrates, serves and makes pairing codes', async () => {
    const setup = cli(['setup-db', '--database', 'cli_shop'], { ADMIN_DATABASE_URL: pgs.adminUrl() });
    expect(setup.code, setup.out).toBe(0);
    expect(
      cli(['setup-db', '--database', 'cli_shop', '--if-missing'], { ADMIN_DATABASE_URL: pgs.adminUrl() }).out,
    ).toContain('exists already');

    const app = url('pos_app', 'cli_shop');
    // Serving before migrating is refused with what to do.
    const early = cli(['serve', '--port', '0'], { DATABASE_URL: app });
    expect(early.code).toBe(1);
    expect(early.out).toContain('migrate');

    const migrate = cli(['migrate'], { MIGRATION_DATABASE_URL: url('pos_owner', 'cli_shop') });
    expect(migrate.out).toContain('migrated from version 0 to 3');

    const code = cli(['pair-code', '--name', 'Kasir 9'], { DATABASE_URL: app });
    expect(code.out).toMatch(/Pairing code for "Kasir 9": [2-9A-Z]{4}-[2-9A-Z]{4}/);

    // The owner's password, read from standard input: too short is refused, then it is set.
    expect(cli(['owner-password'], { DATABASE_URL: app }, TSX, 'short\n').out).toContain('at least 10');
    const set = cli(['owner-password'], { DATABASE_URL: app }, TSX, 'kopi-susu-gula-aren\n');
    expect(set.code, set.out).toBe(0);

    await serving(TSX, { DATABASE_URL: app }, async (base) => {
      const health = await fetch(`${base}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      const signIn = await fetch(`${base}/api/v1/owner/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret: 'kopi-susu-gula-aren' }),
      });
      expect(signIn.status).toBe(200);
      await ownerPageServed(base);
    });
    // Eight fresh Node processes, each loading TypeScript through tsx: seconds each on a busy
    // 2-core machine. The limit guards against a hang, not a speed.
  }, 120_000);

  it('never takes a secret as a flag', () => {
    const r = cli(['serve', '--webhook-secret', 'abc'], {});
    expect(r.code).toBe(1);
    expect(r.out).toContain('process list');
  });

  it('ships as one bundle that runs the same commands', () => {
    execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'ignore' });
    const r = cli(['tills'], { DATABASE_URL: url('pos_app', 'cli_shop') }, ['out/server/server.cjs']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('No tills are paired yet.');
  });

  it("serves the owner's page from the bundle too", async () => {
    await serving(['out/server/server.cjs'], { DATABASE_URL: url('pos_app', 'cli_shop') }, ownerPageServed);
  });
});
