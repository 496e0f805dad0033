import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventName } from '../../src/shared/contract/api';
import { createAppServices } from '../../src/main/app/create-services';
import type { AppServices } from '../../src/main/app/services';
import { createLogger } from '../../src/main/log/logger';
import { startHarness, type Harness } from '../../src/harness/harness-server';
import { harnessServiceOptions } from '../../src/harness/harness-services';
import { FAST_PRINTING } from './printing';

export interface HarnessRig {
  services: AppServices;
  harness: Harness;
  dataDir: string;
  /** Every raw answer body and SSE frame seen, for leak searches. */
  seen: string[];
  call(
    name: string,
    input?: unknown,
    raw?: string,
  ): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>;
  events(): Promise<{ frames: string[]; stop(): void }>;
  close(): Promise<void>;
}

/** Main's real services behind the real harness, driven over HTTP as any client would. */
export async function startHarnessRig(): Promise<HarnessRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-harness-'));
  const downloadsDir = join(dataDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  let origin = '';
  let token = '';
  const logger = createLogger({ dataDir, stderr: false });
  const services = await createAppServices({
    ...harnessServiceOptions({ dataDir, downloadsDir, version: 'test', link: () => ({ origin, token }) }),
    logger,
    // A shop in Jakarta, whatever zone the machine running the tests is in.
    timeZone: 'Asia/Jakarta',
    tuning: { v1StatusIntervalMs: 200, watchFirstMs: 500 },
    printingTuning: FAST_PRINTING,
  });
  const harness = await startHarness({
    services,
    rendererDir: resolve(import.meta.dirname, '../../out/renderer'),
    downloadsDir,
  });
  origin = harness.origin;
  token = harness.token;
  const seen: string[] = [];
  return {
    services,
    harness,
    dataDir,
    seen,
    async call(name, input = {}, raw) {
      const res = await fetch(`${harness.origin}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pos-token': harness.token },
        body: raw ?? JSON.stringify(input),
      });
      const text = await res.text();
      seen.push(text);
      return { status: res.status, body: JSON.parse(text) };
    },
    async events() {
      const controller = new AbortController();
      const frames: string[] = [];
      const res = await fetch(`${harness.origin}/api/events?token=${harness.token}`, { signal: controller.signal });
      const reader = res.body!.getReader();
      void (async () => {
        const decoder = new TextDecoder();
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const text = decoder.decode(value);
            frames.push(text);
            seen.push(text);
          }
        } catch {
          // stopped
        }
      })();
      return { frames, stop: () => controller.abort() };
    },
    async close() {
      await harness.close();
      await services.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type { EventName };
