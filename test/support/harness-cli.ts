import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface CliRun {
  child: ChildProcess;
  /** Resolves with the harness origin and token once it prints its URLs, or rejects with what it said. */
  ready: Promise<{ origin: string; token: string }>;
  /** Resolves with the exit code and everything it wrote, once it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port free right now on 127.0.0.1 (the harness refuses port 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** `npm run dev:web`'s process as a shop would start it: a real Node process on a data folder. */
export function startHarnessCli(dataDir: string, port: number, extraEnv: Record<string, string> = {}): CliRun {
  // node itself (tsx as a loader, not its wrapper process): the pid is the app's, and a
  // SIGKILL reaches the process that holds the data folder.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/harness/cli.ts', '--data', dataDir, '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((done) => child.on('exit', (code, signal) => done({ code, signal, stdout, stderr })));
  const ready = new Promise<{ origin: string; token: string }>((done, fail) => {
    const onData = () => {
      const m = /cashier window:\s+(http:\/\/127\.0\.0\.1:\d+)\/index\.html#token=([\w-]+)/.exec(stdout);
      if (m) {
        child.stdout!.off('data', onData);
        done({ origin: m[1]!, token: m[2]! });
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((r) =>
      fail(new Error(`harness exited (${r.code ?? r.signal}) before it was ready: ${r.stderr}${r.stdout}`)),
    );
  });
  // A run that is expected to be refused never becomes ready: that is not an unhandled error.
  ready.catch(() => undefined);
  return {
    child,
    ready,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
