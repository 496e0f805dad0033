import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactString, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Registers a value that must never appear in a log line again (the API key). */
  addSecret(value: string): void;
  /** Forgets a secret that is no longer in use (a replaced or cleared key). */
  removeSecret(value: string): void;
  /** A logger that adds `scope` to every line and shares the secrets and the file. */
  child(scope: string): Logger;
}

export interface LoggerOptions {
  /** Folder of the log file; no file when absent. */
  dataDir?: string;
  /** File name inside dataDir/logs. */
  fileName?: string;
  level?: LogLevel;
  /** Where lines are mirrored; false for none. */
  stderr?: { write(line: string): unknown } | false;
  /** The file is rotated to `<name>.1` when it grows past this. */
  maxBytes?: number;
  now?: () => Date;
}

/**
 * JSON lines, one per event, to a file in the data folder and to stderr. Every message and
 * field is redacted before it is serialized, so a caller cannot leak the key by accident.
 * Writes are synchronous: a POS logs a few lines per sale, and a line written before a
 * crash is worth more than throughput.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = new Set<string>();
  const minLevel = LEVELS[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const stderr = options.stderr === undefined ? process.stderr : options.stderr;
  let file: string | null = null;
  if (options.dataDir) {
    const dir = join(options.dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    file = join(dir, options.fileName ?? 'pos.log');
  }

  function rotateIfLarge(path: string): void {
    try {
      if (statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
    } catch {
      // No file yet: nothing to rotate.
    }
  }

  function write(level: LogLevel, scope: string | null, message: string, fields?: LogFields): void {
    if (LEVELS[level] < minLevel) return;
    const entry: Record<string, unknown> = { t: now().toISOString(), level };
    if (scope) entry.scope = scope;
    entry.msg = redactString(message, secrets);
    if (fields) entry.fields = redactValue(fields, secrets);
    const line = `${JSON.stringify(entry)}\n`;
    if (file) {
      try {
        rotateIfLarge(file);
        appendFileSync(file, line, { mode: 0o600 });
      } catch {
        // A full disk must not stop a sale; stderr still gets the line.
      }
    }
    if (stderr) stderr.write(line);
  }

  function make(scope: string | null): Logger {
    return {
      debug: (m, f) => write('debug', scope, m, f),
      info: (m, f) => write('info', scope, m, f),
      warn: (m, f) => write('warn', scope, m, f),
      error: (m, f) => write('error', scope, m, f),
      addSecret: (value) => {
        if (value) secrets.add(value);
      },
      removeSecret: (value) => {
        secrets.delete(value);
      },
      child: (childScope) => make(scope ? `${scope}.${childScope}` : childScope),
    };
  }
  return make(null);
}
