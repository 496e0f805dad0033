import { readFileSync } from 'node:fs';

/**
 * Configuration from flags and the environment (a flag wins). Secrets come from the
 * environment or from a file, never from a flag: flags show in the process list.
 *
 *   DATABASE_URL / --database-url          the app role's connection (or PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD)
 *   MIGRATION_DATABASE_URL / --migration-database-url   the owner role's connection, for `migrate` and `serve --migrate`
 *   ADMIN_DATABASE_URL                     an administrator's connection, for `setup-db` only
 *   APP_ROLE / --app-role                  the role the server runs as (default pos_app), granted by `migrate`
 *   HOST / --host, PORT / --port           where to listen (default 127.0.0.1:8080, behind a reverse proxy)
 *   PAKASIR_WEBHOOK_SECRET / --webhook-secret-file   the X-Secret Pakasir sends with its webhook
 *   OWNER_TOKEN / --owner-token-file       turns on the owner API (pairing codes, tills, reports)
 *   TRUST_PROXY=1 / --trust-proxy          take client addresses from X-Forwarded-For (behind Caddy or nginx)
 *   LOG_LEVEL / --log-level                fatal, error, warn, info (default), debug, silent
 *   SHOP_TIME_ZONE / --time-zone           the shop's zone for the owner's page (default Asia/Jakarta)
 *   SHOP_DAY_CUTOFF / --day-cutoff         the hour a business day ends (default 4, as on the tills)
 *   OWNER_PAGE_DIR                         the built owner's page, when not beside the server
 */
export interface ServerConfig {
  command: string;
  args: string[];
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  adminDatabaseUrl: string | undefined;
  appRole: string;
  host: string;
  port: number;
  webhookSecret: string | null;
  ownerToken: string | null;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  migrate: boolean;
  timeZone: string;
  cutoffHour: number;
  flags: Map<string, string | true>;
}

export class ConfigError extends Error {}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

export function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(a.slice(2), argv[++i]!);
    else flags.set(a.slice(2), true);
  }
  return { positional, flags };
}

function secretFrom(env: string | undefined, file: string | true | undefined, what: string): string | null {
  if (typeof file === 'string') {
    const value = readFileSync(file, 'utf8').trim();
    if (!value) throw new ConfigError(`${what} file ${file} is empty.`);
    return value;
  }
  return env && env.trim() ? env.trim() : null;
}

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const { positional, flags } = parseArgs(argv);
  const flag = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  for (const secretFlag of ['webhook-secret', 'owner-token'])
    if (flags.has(secretFlag))
      throw new ConfigError(
        `--${secretFlag} would show in the process list; use the environment or --${secretFlag}-file.`,
      );
  const port = Number(flag('port') ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`Invalid port: ${flag('port') ?? env.PORT}`);
  const logLevel = (flag('log-level') ?? env.LOG_LEVEL ?? 'info') as ServerConfig['logLevel'];
  if (!LEVELS.includes(logLevel)) throw new ConfigError(`Invalid log level: ${logLevel}`);
  const ownerToken = secretFrom(env.OWNER_TOKEN, flags.get('owner-token-file'), 'Owner token');
  if (ownerToken !== null && ownerToken.length < 24)
    throw new ConfigError('OWNER_TOKEN must be at least 24 characters (use a random one).');
  const timeZone = flag('time-zone') ?? env.SHOP_TIME_ZONE ?? 'Asia/Jakarta';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`Unknown time zone: ${timeZone} (for example Asia/Jakarta, Asia/Makassar, Asia/Jayapura).`);
  }
  const cutoffHour = Number(flag('day-cutoff') ?? env.SHOP_DAY_CUTOFF ?? 4);
  if (!Number.isInteger(cutoffHour) || cutoffHour < 0 || cutoffHour > 23)
    throw new ConfigError(`Invalid day cutoff: ${flag('day-cutoff') ?? env.SHOP_DAY_CUTOFF} (an hour, 0-23).`);
  return {
    command: positional[0] ?? 'serve',
    args: positional.slice(1),
    databaseUrl: flag('database-url') ?? env.DATABASE_URL,
    migrationDatabaseUrl: flag('migration-database-url') ?? env.MIGRATION_DATABASE_URL,
    adminDatabaseUrl: env.ADMIN_DATABASE_URL,
    appRole: flag('app-role') ?? env.APP_ROLE ?? 'pos_app',
    host: flag('host') ?? env.HOST ?? '127.0.0.1',
    port,
    webhookSecret: secretFrom(env.PAKASIR_WEBHOOK_SECRET, flags.get('webhook-secret-file'), 'Webhook secret'),
    ownerToken,
    trustProxy: flags.has('trust-proxy') || env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel,
    migrate: flags.has('migrate'),
    timeZone,
    cutoffHour,
    flags,
  };
}
