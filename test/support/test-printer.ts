import { createServer, type Server, type Socket } from 'node:net';

/**
 * A network receipt printer on loopback for tests: it answers ESC/POS status requests
 * (DLE EOT 1/2/4) as a real printer would and records the bytes of every print job. It can
 * misbehave the ways shop printers do:
 *   - 'refuse': not listening at all (ECONNREFUSED), like a printer that is switched off;
 *   - 'stall': accepts the connection and never reads a byte, like a hung printer;
 *   - paper out, cover open, offline, paper low: answered in the status bytes.
 * Print data is whatever follows the status requests on a connection, until it closes.
 */
export type PrinterMode = 'ok' | 'refuse' | 'stall';

export interface PrinterCondition {
  paperOut: boolean;
  coverOpen: boolean;
  offline: boolean;
  paperLow: boolean;
  /** Never answer status requests (a printer without real-time status). */
  silent: boolean;
}

export interface TestPrinter {
  readonly host: string;
  readonly port: number;
  /** One entry per connection that sent print data: the bytes after the status requests. */
  readonly jobs: Buffer[];
  /** Connections accepted, including status-only and stalled ones. */
  connections(): number;
  /** Status requests answered, in order (1, 2, 4, ...). */
  readonly statusRequests: number[];
  setMode(mode: PrinterMode): Promise<void>;
  set(condition: Partial<PrinterCondition>): void;
  waitForJobs(count: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

function statusByte(n: number, c: PrinterCondition): number {
  let b = 0x12;
  if (n === 1 && (c.offline || c.paperOut || c.coverOpen)) b |= 0x08;
  if (n === 2) {
    if (c.coverOpen) b |= 0x04;
    if (c.paperOut) b |= 0x20;
  }
  if (n === 4) {
    if (c.paperLow) b |= 0x0c;
    if (c.paperOut) b |= 0x60;
  }
  return b;
}

export async function startTestPrinter(options: { port?: number } = {}): Promise<TestPrinter> {
  const condition: PrinterCondition = {
    paperOut: false,
    coverOpen: false,
    offline: false,
    paperLow: false,
    silent: false,
  };
  let mode: PrinterMode = 'ok';
  let accepted = 0;
  const jobs: Buffer[] = [];
  const statusRequests: number[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();

  const onConnection = (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'stall') {
      // Accept and never read: the kernel buffers fill and nothing is ever answered.
      socket.pause();
      return;
    }
    let pending = Buffer.alloc(0);
    let printing = false;
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      if (printing) {
        chunks.push(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 3 && pending[0] === 0x10 && pending[1] === 0x04) {
        const n = pending[2]!;
        statusRequests.push(n);
        if (!condition.silent) socket.write(Buffer.of(statusByte(n, condition)));
        pending = pending.subarray(3);
      }
      const partialRequest = pending.length > 0 && pending.length < 3 && pending[0] === 0x10;
      if (pending.length > 0 && !partialRequest) {
        printing = true;
        chunks.push(pending);
        pending = Buffer.alloc(0);
      }
    });
    socket.on('end', () => {
      if (chunks.length > 0) {
        jobs.push(Buffer.concat(chunks));
        for (const w of waiters) w();
      }
      socket.end();
    });
  };

  let server: Server | null = null;
  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const unlisten = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen();

  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    jobs,
    statusRequests,
    connections: () => accepted,
    async setMode(next) {
      if (next === 'refuse' && server) await unlisten();
      if (next !== 'refuse' && !server) await listen();
      if (next !== 'stall') for (const socket of sockets) if (socket.isPaused()) socket.destroy();
      mode = next;
    },
    set(c) {
      Object.assign(condition, c);
    },
    waitForJobs(count, timeoutMs = 10_000) {
      if (jobs.length >= count) return Promise.resolve(jobs.slice(0, count));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} print jobs, got ${jobs.length} in ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs.slice(0, count));
        };
        waiters.add(check);
      });
    },
    close: unlisten,
  };
}
