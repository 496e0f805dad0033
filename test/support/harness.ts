import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { EventName } from '../../src/shared/contract/api';
import type { AppServices } from '../../src/main/app/service-types';
import { createLogger } from '../../src/main/log/logger';
import { assembleHarness } from '../../src/harness/assemble';
import type { Harness } from '../../src/harness/harness-server';
import { FAST_PRINTING } from './printing';

export interface HarnessRig {
  services: AppServices;
  harness: Harness;
  dataDir: string;
  /** Every raw answer body, SSE frame and renderer-socket frame seen, for leak searches. */
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
  const logger = createLogger({ dataDir, stderr: false });
  const { services, harness, close } = await assembleHarness({
    dataDir,
    version: 'test',
    services: {
      logger,
      // A shop in Jakarta, whatever zone the machine running the tests is in.
      timeZone: 'Asia/Jakarta',
      tuning: { v1StatusIntervalMs: 200, watchFirstMs: 500 },
      printingTuning: FAST_PRINTING,
    },
  });
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
      // The renderer's own channel too: every event it is pushed lands in `seen`.
      const socket = new WebSocket(`${harness.origin.replace('http', 'ws')}/api/socket?token=${harness.token}`, {
        headers: { origin: harness.origin },
      });
      socket.on('message', (data) => seen.push(data.toString()));
      await once(socket, 'open');
      return {
        frames,
        stop: () => {
          controller.abort();
          socket.terminate();
        },
      };
    },
    async close() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type { EventName };
