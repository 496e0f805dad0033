import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { firstFailure } from '../../../src/main/export/first-failure';

describe('the first failure of a file’s streams', () => {
  it('lets a wait finish when nothing failed', async () => {
    const failure = firstFailure(new EventEmitter());
    await expect(failure.race(Promise.resolve('drained'))).resolves.toBe('drained');
    expect(() => failure.check()).not.toThrow();
  });

  it('ends a wait that would never end with the first error of any stream, and keeps that one', async () => {
    const file = new EventEmitter();
    const zip = new EventEmitter();
    const failure = firstFailure(file, zip);
    const never = failure.race(new Promise(() => undefined));
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    zip.emit('error', full);
    file.emit('error', new Error('a later one'));
    await expect(never).rejects.toBe(full);
    expect(() => failure.check()).toThrow(full);
    // A wait begun after the failure ends at once too.
    await expect(failure.race(new Promise(() => undefined))).rejects.toBe(full);
  });
});
