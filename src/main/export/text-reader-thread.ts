import { sourceWorker } from '../orders/source-worker';
import type { TextQuery } from '../orders/order-store';
import { sqliteModulePath } from '../orders/native-binding';

/** Rows as UTF-8, in the statement's order; `rows` is how many rows this chunk ends. */
export interface TextChunk {
  bytes: Buffer;
  rows: number;
}

export interface TextReader {
  /** The next chunk, or null after the last row. */
  next(): Promise<TextChunk | null>;
  /**
   * Hands a chunk's memory back for the thread to fill again, once nothing reads it any more
   * (its bytes are written out). A reader whose chunks come back allocates none after the
   * first few; one whose chunks do not gets a fresh one per chunk.
   */
  recycle(chunk: TextChunk): void;
  /** Stops the thread (a chunk still being read is dropped). */
  stop(): Promise<void>;
}

/** The smallest page size of the systems the app runs on: one write per page maps it. */
const PAGE_BYTES = 4096;

/**
 * Where each row's number goes: every run of `width` marks followed by a closing quote (an
 * XML attribute's value, as a sheet's cell references write it). The thread writes the
 * number, the quote, then spaces over that run, which XML reads as white space between
 * attributes: the row keeps its length and is numbered in place, in its encoded bytes. That
 * took half the time of replacing each mark in the row's text before encoding it. A number
 * wider than `width` (a sale written after the export counted them) is put in the text the
 * slower way instead.
 */
export interface RowNumbering {
  mark: string;
  width: number;
  firstRow: number;
  /**
   * The sheet's last row. The export counted its sales before this thread took its snapshot,
   * so sales written in between can take a sheet past what Excel reads (it would drop them
   * with only a warning): a row past this one fails the read with the code `export_too_large`.
   */
  lastRow: number;
}

export interface TextReaderOptions {
  numbering?: RowNumbering;
  chunkBytes?: number;
  /** Chunks the thread may read before the export has taken one: memory stays flat. */
  ahead?: number;
}

/**
 * The worker runs the statement on its own read-only connection (WAL lets it read one
 * snapshot while sales are written), encodes rows as UTF-8 into chunks, numbers each row there
 * when asked (RowNumbering), and hands the chunks it owns over without a copy. Plain
 * JavaScript given as source, like the journal check's worker, so it runs the same from
 * TypeScript in tests and from the bundled Electron main process (where `nativeBinding` names
 * the binary built for Electron).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const { file, nativeBinding, sql, params, numbering, chunkBytes, ahead } = workerData;
let credits = ahead;
let wake = null;
// Empty chunks from the export's thread, their memory already in place (see blankChunk).
const blanks = [];
parentPort.on('message', (m) => {
  // A chunk given back once written is memory to fill again, not leave to take another.
  if (m && m.reuse) {
    if (blanks.length < ahead) blanks.push(Buffer.from(m.reuse));
    return;
  }
  credits += 1;
  if (m && blanks.length < ahead) blanks.push(Buffer.from(m));
  if (wake) { const w = wake; wake = null; w(); }
});
const MARK = numbering ? numbering.mark.charCodeAt(0) : -1;
const WIDTH = numbering ? numbering.width : 0;
const PLACEHOLDER = numbering ? numbering.mark.repeat(WIDTH) : '';
const QUOTE = 0x22;
const SPACE = 0x20;
// What a placeholder and its closing quote become for the current row: digits, quote, spaces.
const number = new Uint8Array(WIDTH + 1);
function setNumber(digits) {
  for (let i = 0; i < digits.length; i += 1) number[i] = digits.charCodeAt(i);
  number[digits.length] = QUOTE;
  for (let i = digits.length + 1; i <= WIDTH; i += 1) number[i] = SPACE;
}
function numberInPlace(bytes) {
  for (let p = bytes.indexOf(MARK); p !== -1; p = bytes.indexOf(MARK, p + WIDTH + 1)) {
    if (bytes[p + WIDTH] !== QUOTE) throw new Error('a row number mark is not ' + WIDTH + ' marks and a closing quote');
    for (let i = 0; i <= WIDTH; i += 1) bytes[p + i] = number[i];
  }
}
function nextChunk() {
  // allocUnsafeSlow: memory of its own, never a slice of Node's shared pool, so it can be handed over.
  return blanks.pop() ?? Buffer.allocUnsafeSlow(chunkBytes);
}
async function ship(bytes, used, rows) {
  if (credits === 0) await new Promise((resolve) => { wake = resolve; });
  credits -= 1;
  parentPort.postMessage({ buffer: bytes.buffer, offset: bytes.byteOffset, used, rows }, [bytes.buffer]);
}
async function run() {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    let chunk = nextChunk();
    let used = 0;
    let rows = 0;
    let row = numbering ? numbering.firstRow : 0;
    for (const raw of db.prepare(sql).pluck().iterate(...params)) {
      let text = raw;
      let inPlace = false;
      if (numbering) {
        if (row > numbering.lastRow)
          throw Object.assign(new Error('more rows than one sheet holds (last row ' + numbering.lastRow + ')'), { code: 'export_too_large' });
        const digits = String(row);
        inPlace = digits.length <= WIDTH;
        if (inPlace) setNumber(digits);
        else text = raw.replaceAll(PLACEHOLDER, digits);
        row += 1;
      }
      // A UTF-16 unit never takes more than 3 bytes in UTF-8.
      if (used + text.length * 3 > chunkBytes && used > 0) {
        await ship(chunk, used, rows);
        chunk = nextChunk();
        used = 0;
        rows = 0;
      }
      if (text.length * 3 > chunkBytes) {
        const own = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
        own.write(text);
        if (inPlace) numberInPlace(own);
        await ship(own, own.length, 1);
        continue;
      }
      const start = used;
      used += chunk.write(text, used);
      if (inPlace) numberInPlace(chunk.subarray(start, used));
      rows += 1;
    }
    if (used > 0) await ship(chunk, used, rows);
    parentPort.postMessage({ done: true });
  } finally {
    db.close();
  }
}
run().catch((err) => parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code }));
`;

interface Message {
  buffer?: ArrayBuffer;
  offset?: number;
  used?: number;
  rows?: number;
  done?: true;
  error?: string;
  code?: string;
}

/** A read failed in the thread: SQLite's message and code, as the main thread would have seen them. */
export class ReaderFailed extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * An empty chunk for the thread to fill, with every page written once here. The system maps a
 * new buffer's memory page by page on its first write: on a 2-core virtual machine those page
 * faults took about a fifth of an XLSX export while the thread filled fresh buffers, and the
 * thread's time is the export's. This thread, mostly waiting meanwhile, takes them instead.
 */
function blankChunk(bytes: number): ArrayBuffer {
  const blank = new ArrayBuffer(bytes);
  const view = new Uint8Array(blank);
  for (let i = 0; i < bytes; i += PAGE_BYTES) view[i] = 0;
  return blank;
}

/** Runs `query` on a worker thread and hands its rows back in chunks, in order. */
export function readTextOffThread(query: TextQuery, opts: TextReaderOptions = {}): TextReader {
  const chunkBytes = opts.chunkBytes ?? 1024 * 1024;
  const ahead = opts.ahead ?? 4;
  const worker = sourceWorker(WORKER_SOURCE, {
    // Each chunk's rows die young; a small heap keeps the thread's memory near what it holds.
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    workerData: {
      file: query.file,
      nativeBinding: query.nativeBinding,
      sqliteModule: sqliteModulePath(),
      sql: query.sql,
      params: query.params,
      numbering: opts.numbering ?? null,
      chunkBytes,
      ahead,
    },
  });
  // An export must never keep a shutting-down app alive.
  worker.unref();
  const queue: Message[] = [];
  let failure: Error | null = null;
  let waiting: (() => void) | null = null;
  const wakeUp = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };
  worker.on('message', (m: Message) => {
    if (m.error !== undefined) failure ??= new ReaderFailed(m.error, m.code);
    else queue.push(m);
    wakeUp();
  });
  worker.on('error', (err) => {
    failure ??= err;
    wakeUp();
  });
  worker.on('exit', () => {
    failure ??= new Error('the export reader stopped');
    wakeUp();
  });
  let finished = false;
  let recycled = 0;
  return {
    async next() {
      if (finished) return null;
      while (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (waiting = resolve));
      }
      const m = queue.shift()!;
      if (m.done) {
        finished = true;
        return null;
      }
      // A chunk filled past half says more rows are coming: the credit brings a chunk to fill,
      // until chunks start coming back (recycle). A short export (one chunk or a few) maps
      // nothing ahead of need.
      if (m.used! * 2 > chunkBytes && recycled < ahead) {
        const blank = blankChunk(chunkBytes);
        worker.postMessage(blank, [blank]);
      } else worker.postMessage(null);
      return { bytes: Buffer.from(m.buffer!, m.offset, m.used), rows: m.rows! };
    },
    recycle(chunk) {
      const buffer = chunk.bytes.buffer;
      // Only whole chunks of the thread's own size go back (a row larger than a chunk came alone).
      if (finished || !(buffer instanceof ArrayBuffer) || buffer.byteLength !== chunkBytes) return;
      recycled += 1;
      worker.postMessage({ reuse: buffer }, [buffer]);
    },
    async stop() {
      await worker.terminate();
    },
  };
}
