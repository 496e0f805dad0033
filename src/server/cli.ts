import { createPool } from './db/pool';
import { checkSchema, migrate } from './db/migrate';
import { setupStatements } from './db/grants';
import { buildShopServer } from './app';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { shopDailyReport } from './reports/daily-report';
import { findOwnerPageDir } from './owner/owner-page';
import { setOwnerPassword } from './owner/owner-password';
import { createPairingCode, listTills, revokeTill } from './tills/tills';
import pg from 'pg';

/**
 * `npm run server -- <command>`: the shop server and its owner tools.
 *
 *   serve [--migrate]        start the server (the default command)
 *   migrate                  apply migrations as the owner role, then grant the app role
 *   setup-db [--if-missing]  once, as an administrator: create the roles and the database
 *   pair-code --name NAME    a one-time code (10 minutes) a till exchanges for its token
 *   tills                    every till, its last sequence and whether it is revoked
 *   revoke TILL_ID           refuse that till from now on
 *   report --day YYYY-MM-DD [--cutoff 4] [--tz Asia/Jakarta]   the day over all tills, as JSON
 *   owner-password           set the owner's password for the web page (read from standard input)
 */
const USAGE = `Usage: npm run server -- [serve [--migrate] | migrate | setup-db | pair-code --name NAME | tills | revoke TILL_ID | report --day YYYY-MM-DD | owner-password]
Environment: DATABASE_URL, MIGRATION_DATABASE_URL, ADMIN_DATABASE_URL, APP_ROLE, HOST, PORT,
PAKASIR_WEBHOOK_SECRET, OWNER_TOKEN, TRUST_PROXY, LOG_LEVEL, SHOP_TIME_ZONE, SHOP_DAY_CUTOFF (see README, "Shop server").`;

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function withPool<T>(url: string | undefined, fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = createPool(url, 2);
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

async function runMigrate(config: ServerConfig): Promise<void> {
  const url = config.migrationDatabaseUrl ?? config.databaseUrl;
  const result = await withPool(url, (pool) => migrate(pool, { appRole: config.appRole }));
  out(
    result.applied.length > 0
      ? `Database migrated from version ${result.from} to ${result.to}; ${config.appRole} granted.`
      : `Database already at version ${result.to}; grants for ${config.appRole} refreshed.`,
  );
}

async function serve(config: ServerConfig): Promise<void> {
  if (config.migrate) await runMigrate(config);
  const pool = createPool(config.databaseUrl);
  await checkSchema(pool);
  const server = await buildShopServer({
    pool,
    webhookSecret: config.webhookSecret,
    ownerToken: config.ownerToken,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    day: { timeZone: config.timeZone, cutoffHour: config.cutoffHour },
    ownerPageDir: findOwnerPageDir(__dirname),
  });
  if (!config.webhookSecret) server.app.log.warn('PAKASIR_WEBHOOK_SECRET is not set: webhooks are refused');
  const address = await server.app.listen({ host: config.host, port: config.port });
  out(`Shop server listening on ${address}`);
  const stop = async () => {
    await server.app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function setupDb(config: ServerConfig): Promise<void> {
  if (!config.adminDatabaseUrl)
    throw new ConfigError('setup-db needs ADMIN_DATABASE_URL (an administrator connection).');
  const database =
    typeof config.flags.get('database') === 'string' ? (config.flags.get('database') as string) : 'pakasir_shop';
  const owner =
    typeof config.flags.get('owner-role') === 'string' ? (config.flags.get('owner-role') as string) : 'pos_owner';
  const s = setupStatements({
    database,
    ownerRole: owner,
    ownerPassword: process.env.POS_OWNER_PASSWORD ?? null,
    appRole: config.appRole,
    appPassword: process.env.POS_APP_PASSWORD ?? null,
  });
  const admin = new pg.Client({ connectionString: config.adminDatabaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount && config.flags.has('if-missing')) {
      out(`Database ${database} exists already; nothing to set up.`);
      return;
    }
    for (const q of [...s.roles, ...s.database]) await admin.query(q);
  } finally {
    await admin.end();
  }
  const url = new URL(config.adminDatabaseUrl);
  url.pathname = `/${database}`;
  const inDb = new pg.Client({ connectionString: url.toString() });
  await inDb.connect();
  try {
    for (const q of s.inDatabase) await inDb.query(q);
  } finally {
    await inDb.end();
  }
  out(`Created roles ${owner} and ${config.appRole} and database ${database}. Next: npm run server -- migrate`);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Type the owner's password, then Enter and Ctrl-D:\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const config = loadConfig(process.argv.slice(2));
  switch (config.command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return runMigrate(config);
    case 'setup-db':
      return setupDb(config);
    case 'pair-code': {
      const name = config.flags.get('name');
      if (typeof name !== 'string') throw new ConfigError('pair-code needs --name "Till name".');
      const code = await withPool(config.databaseUrl, (pool) => createPairingCode(pool, name));
      out(`Pairing code for "${name}": ${code.code}`);
      out(`Enter it on the till (Settings, Shop server) before ${code.expiresAt.toISOString()}. It works once.`);
      return;
    }
    case 'tills': {
      const tills = await withPool(config.databaseUrl, (pool) => listTills(pool));
      for (const t of tills)
        out(
          `${t.id}  ${t.name.padEnd(20)}  seq ${String(t.hwm).padStart(8)}  ${t.revoked_at ? `REVOKED ${t.revoked_at.toISOString()}` : `last seen ${t.last_seen_at?.toISOString() ?? 'never'}`}  ${t.prefixes.join(',')}`,
        );
      if (tills.length === 0) out('No tills are paired yet.');
      return;
    }
    case 'revoke': {
      const id = config.args[0];
      if (!id) throw new ConfigError('revoke needs a till id (see `tills`).');
      const done = await withPool(config.databaseUrl, (pool) => revokeTill(pool, id));
      out(done ? `Till ${id} is revoked; its next call is refused.` : `No active till ${id}.`);
      return;
    }
    case 'report': {
      const day = config.flags.get('day');
      if (typeof day !== 'string') throw new ConfigError('report needs --day YYYY-MM-DD.');
      const cutoff = Number(config.flags.get('cutoff') ?? 4);
      const tz = config.flags.get('tz');
      const report = await withPool(config.databaseUrl, (pool) =>
        shopDailyReport(pool, { day, cutoffHour: cutoff, timeZone: typeof tz === 'string' ? tz : 'Asia/Jakarta' }),
      );
      out(JSON.stringify(report, null, 2));
      return;
    }
    case 'owner-password': {
      // Read from standard input, never a flag or the environment: both can be seen by others.
      const password = (await readStdin()).replace(/\r?\n$/, '');
      await withPool(config.databaseUrl, (pool) => setOwnerPassword(pool, password));
      out("The owner's password is set; browsers signed in before are signed out.");
      return;
    }
    default:
      throw new ConfigError(`Unknown command "${config.command}".\n${USAGE}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof ConfigError) process.stderr.write(`${USAGE}\n`);
  process.exit(1);
});
