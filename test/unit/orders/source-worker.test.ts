import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sourceWorker } from '../../../src/main/orders/source-worker';

describe('a worker thread from source', () => {
  it("runs the source it is given, without the parent's command-line flags", async () => {
    // The test runner starts this process with flags of its own (a loader), which a worker
    // would otherwise inherit: without them this test could not tell the difference.
    expect(process.execArgv.length).toBeGreaterThan(0);
    const worker = sourceWorker(
      "const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage({ argv: process.execArgv, echo: workerData });",
      { workerData: 'kasir' },
    );
    const [message] = (await once(worker, 'message')) as [{ argv: string[]; echo: string }];
    await worker.terminate();
    expect(message).toEqual({ argv: [], echo: 'kasir' });
  });
});
