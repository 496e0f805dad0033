import type { EventEmitter } from 'node:events';

export interface FirstFailure {
  /** Throws the first error any of the streams reported, if one did. */
  check(): void;
  /** `wait`, or the first failure if that comes first. */
  race<T>(wait: Promise<T>): Promise<T>;
}

/**
 * The first error of the streams that make one file. A file that fails mid-way (a full disk)
 * stops its output, so a wait for a drain or a close would never end: every wait races this.
 */
export function firstFailure(...streams: EventEmitter[]): FirstFailure {
  let failure: Error | null = null;
  let failed!: (e: Error) => void;
  const first = new Promise<never>((_, reject) => (failed = reject));
  first.catch(() => undefined);
  for (const stream of streams)
    stream.on('error', (e: Error) => {
      if (failure) return;
      failure = e;
      failed(e);
    });
  return {
    check() {
      if (failure) throw failure;
    },
    race: (wait) => Promise.race([wait, first]),
  };
}
