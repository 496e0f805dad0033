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

function cli(args: string[], env: Record<string, string>, entry: string[] = ['--import', 'tsx', 'src/server/cli.ts']) {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [...entry, ...args], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      }),
    };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
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
    expect(migrate.out).toContain('migrated from version 0 to 1');

    const code = cli(['pair-code', '--name', 'Kasir 9'], { DATABASE_URL: app });
    expect(code.out).toMatch(/Pairing code for "Kasir 9": [2-9A-Z]{4}-[2-9A-Z]{4}/);

    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: app, PAKASIR_WEBHOOK_SECRET: 'x'.repeat(32), LOG_LEVEL: 'warn' },
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
      const health = await fetch(`${listening}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
    } finally {
      server.kill('SIGTERM');
    }
  });

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
});
