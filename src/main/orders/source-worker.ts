import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running plain JavaScript given as source: it runs the same from TypeScript
 * in tests and from the bundled Electron main process, where no file of its own would exist.
 * It takes none of the parent's command-line flags: it needs none, and a loader (as under
 * tsx) or an inspector only made each start heavier.
 */
export function sourceWorker(source: string, options: Omit<WorkerOptions, 'eval' | 'execArgv'>): Worker {
  return new Worker(source, { ...options, eval: true, execArgv: [] });
}
