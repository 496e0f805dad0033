/**
 * The harness port as `npm run dev:web` takes it, and what to say when it cannot be used:
 * one sentence with the way out, never a stack trace.
 */
export const DEFAULT_PORT = 5180;

const HOW = (port: number) => `\`npm run dev:web -- --port ${port}\``;

/** `--port <n>` from the arguments: the default when absent; an error sentence when not a port. */
export function portFromArgs(argv: readonly string[]): { port: number } | { error: string } {
  const i = argv.indexOf('--port');
  if (i < 0) return { port: DEFAULT_PORT };
  const text = argv[i + 1] ?? '';
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    return {
      error: `--port needs a number from 1 to 65535, not "${text}": for example ${HOW(DEFAULT_PORT + 1)}.`,
    };
  return { port };
}

/** The sentence for a port the system refused, or null for any other failure. */
export function listenProblem(err: unknown, port: number): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  const other = port === 65_535 ? port - 1 : port + 1;
  if (code === 'EADDRINUSE')
    return `Port ${port} on 127.0.0.1 is already in use (is the app already running in another terminal?): choose another with ${HOW(other)}.`;
  if (code === 'EACCES')
    return `Port ${port} needs administrator rights on this computer: choose one above 1024 with ${HOW(DEFAULT_PORT)}.`;
  return null;
}
