import { Socket } from 'node:net';
import { STATUS_REQUESTS, judgeStatus, statusRequest, type StatusRequest, type StatusVerdict } from './escpos-status';
import { PrinterError } from './printer-error';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  /** Ask for paper, cover and offline status before printing (DLE EOT 1, 2, 4). */
  statusCheck: boolean;
  connectTimeoutMs?: number;
  /** How long one status answer may take. */
  statusTimeoutMs?: number;
  /** How long the printer may take to accept the job's bytes. */
  writeTimeoutMs?: number;
}

export const TCP_DEFAULTS = { connectTimeoutMs: 3000, statusTimeoutMs: 1500, writeTimeoutMs: 10_000 } as const;

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'EHOSTDOWN']);

/** A socket error as the cashier's problem: refused, unreachable, or a printer that went quiet. */
export function socketProblem(err: unknown, phase: 'connect' | 'talk'): PrinterError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? 'unknown';
  if (code === 'ECONNREFUSED') return new PrinterError('refused', code);
  if (UNREACHABLE.has(code)) return new PrinterError('unreachable', code);
  if (code === 'ETIMEDOUT') return new PrinterError(phase === 'connect' ? 'timeout' : 'no_answer', code);
  return new PrinterError(phase === 'connect' ? 'unreachable' : 'no_answer', code);
}

/** One connection to a network printer with the few operations printing needs, each with a deadline. */
class TcpSession {
  private readonly inbox: number[] = [];
  private waiter: (() => void) | null = null;
  private failure: PrinterError | null = null;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) this.inbox.push(b);
      this.waiter?.();
    });
    socket.on('error', (err) => {
      this.failure = socketProblem(err, 'talk');
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  static open(host: string, port: number, timeoutMs: number): Promise<TcpSession> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('timeout', `no connection in ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (err) => {
        clearTimeout(timer);
        socket.destroy();
        reject(socketProblem(err, 'connect'));
      });
      socket.connect({ host, port }, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new TcpSession(socket));
      });
    });
  }

  /** The next byte the printer sends, or null when none comes in time. */
  async readByte(timeoutMs: number): Promise<number | null> {
    if (this.inbox.length === 0 && !this.failure && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiter = done;
      });
      this.waiter = null;
    }
    if (this.inbox.length > 0) return this.inbox.shift()!;
    if (this.failure) throw this.failure;
    return null;
  }

  write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      // A printer that accepted the connection but stopped reading leaves the write pending.
      const timer = setTimeout(
        () => reject(new PrinterError('no_answer', `${bytes.length} bytes not taken in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.socket.write(bytes, (err) => {
        clearTimeout(timer);
        if (err) reject(this.failure ?? socketProblem(err, 'talk'));
        else resolve();
      });
    });
  }

  /**
   * Sends FIN after the job and waits a moment for the printer to close its side, so the
   * last bytes are not cut off by a reset; then lets go either way.
   */
  async finish(graceMs: number): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
    this.socket.destroy();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

async function askStatus(session: TcpSession, timeoutMs: number): Promise<StatusVerdict> {
  const answers: Partial<Record<StatusRequest, number>> = {};
  for (const n of STATUS_REQUESTS) {
    await session.write(statusRequest(n), timeoutMs);
    const b = await session.readByte(timeoutMs);
    if (b === null) {
      // DLE EOT 1 is the question every ESC/POS printer answers: silence means the printer
      // took the connection but is not listening (stalled, busy, or hung).
      if (n === 1) throw new PrinterError('no_answer', 'no answer to DLE EOT 1');
      continue;
    }
    answers[n] = b;
  }
  return judgeStatus(answers);
}

export interface TcpResult {
  paperLow: boolean;
  /** The status bytes, or "unchecked". */
  detail: string;
}

/**
 * Connects, asks the printer how it is, and only then sends the job: a printer that reports
 * no paper or an open cover gets nothing, so the job waits in the queue instead of being
 * half printed. Without `bytes` it only checks (the status row in Settings).
 */
export async function tcpPrint(options: TcpPrinterOptions, bytes: Uint8Array | null): Promise<TcpResult> {
  const o = { ...TCP_DEFAULTS, ...options };
  const session = await TcpSession.open(o.host, o.port, o.connectTimeoutMs);
  try {
    let verdict: StatusVerdict | null = null;
    if (o.statusCheck) {
      verdict = await askStatus(session, o.statusTimeoutMs);
      if (verdict.problem) throw new PrinterError(verdict.problem, verdict.detail);
    }
    if (bytes) await session.write(bytes, o.writeTimeoutMs);
    await session.finish(Math.min(1000, o.writeTimeoutMs));
    return { paperLow: verdict?.paperLow ?? false, detail: verdict?.detail ?? 'unchecked' };
  } catch (err) {
    session.destroy();
    throw err;
  }
}
