import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { setupStatements } from '../src/server/db/grants';
import { migrate } from '../src/server/db/migrate';
import { createPool } from '../src/server/db/pool';

/**
 * A private PostgreSQL for one test file: initdb in a temporary folder, started on a free
 * port with its unix socket in that folder (no TCP listener), stopped and deleted after.
 * PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user
 * that Debian's package creates (or a system user made for it); as a normal user it runs as
 * that user. A machine without PostgreSQL fails the test with how to install it: never a skip.
 */
export interface TestPostgres {
  socketDir: string;
  port: number;
  /** A superuser connection string for `database`. */
  adminUrl(database?: string): string;
  /** Roles (owner + app), a database, migrations and grants: what `setup-db` + `migrate` do. */
  createShopDatabase(name: string): Promise<ShopDatabase>;
  stop(): Promise<void>;
}

export interface ShopDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  appRole: string;
  ownerRole: string;
}

const SUPERUSER = 'pos_test_admin';

export const INSTALL_HINT =
  'The shop server tests need a real PostgreSQL (15 or newer). Install it with `apt-get install -y postgresql` ' +
  '(Debian/Ubuntu), or set PG_BIN to the folder that holds initdb and pg_ctl.';

export function findPgBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (existsSync(join(fromEnv, 'initdb'))) return fromEnv;
    throw new Error(`PG_BIN=${fromEnv} has no initdb. ${INSTALL_HINT}`);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return join(root, versions[0]!, 'bin');
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const pgCtl = which.stdout.trim();
  if (which.status === 0 && pgCtl && existsSync(join(pgCtl, '..', 'initdb'))) return join(pgCtl, '..');
  throw new Error(`PostgreSQL was not found (no /usr/lib/postgresql/*/bin/initdb, no pg_ctl on PATH). ${INSTALL_HINT}`);
}

/** Under root: the OS user that runs PostgreSQL (Debian's `postgres`, or one made for tests). */
function serviceUser(): { name: string; uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const name of ['postgres', 'pos_test_pg']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (id.status === 0) {
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { name, uid: Number(id.stdout.trim()), gid };
    }
  }
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'pos_test_pg']);
  return serviceUser();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPgBin();
  const user = serviceUser();
  const dir = mkdtempSync(join(tmpdir(), 'pos-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const port = await freePort();
  const run = (tool: string, args: string[]) => {
    const [cmd, full] = user ? ['runuser', ['-u', user.name, '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const r = spawnSync(cmd, full, { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    if (r.status !== 0) {
      const logText = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(
        `${tool} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).slice(-2000)}\n${logText}\n${INSTALL_HINT}`,
      );
    }
  };
  try {
    run('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Durability settings off: a test database is thrown away, and fsync only costs time here.
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=''",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = (role: string, database: string) =>
    `postgresql://${role}@localhost:${port}/${database}?host=${encodeURIComponent(dir)}`;
  let stopped = false;
  return {
    socketDir: dir,
    port,
    adminUrl: (database = 'postgres') => url(SUPERUSER, database),
    async createShopDatabase(name) {
      const ownerRole = `${name}_owner`;
      const appRole = `${name}_app`;
      const s = setupStatements({ database: name, ownerRole, ownerPassword: null, appRole, appPassword: null });
      const admin = new pg.Client({ connectionString: url(SUPERUSER, 'postgres') });
      await admin.connect();
      try {
        for (const q of [...s.roles, ...s.database]) await admin.query(q);
      } finally {
        await admin.end();
      }
      const inDb = new pg.Client({ connectionString: url(SUPERUSER, name) });
      await inDb.connect();
      try {
        for (const q of s.inDatabase) await inDb.query(q);
      } finally {
        await inDb.end();
      }
      const ownerUrl = url(ownerRole, name);
      const pool = createPool(ownerUrl, 1);
      try {
        await migrate(pool, { appRole });
      } finally {
        await pool.end();
      }
      return { name, ownerUrl, appUrl: url(appRole, name), appRole, ownerRole };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
