import { describe, expect, it } from 'vitest';
import { DataFolderInUseError, DataFolderReadOnlyError } from '../../../src/main/datafolder/folder-lock';
import { NativeBindingError } from '../../../src/main/orders/native-binding';
import { startupErrorText } from '../../../src/main/windows/startup-error';

const paragraphs = (body: string) => body.split('\n\n');

describe('the start-up dialog', () => {
  it('a shop whose installation is incomplete is told, in Indonesian first, to install again', () => {
    const err = new NativeBindingError(
      'Pakasir POS is not installed completely: install Pakasir POS again.',
      'packaged',
    );
    const [id, en] = paragraphs(startupErrorText(err).body);
    expect(id).toMatch(/Pasang ulang Pakasir POS\.$/);
    expect(en).toBe(err.message);
  });

  it('a fresh `npm start` without the database build names the command in both languages', () => {
    const err = new NativeBindingError('run `npm start` once with internet access to prepare it.', 'prepared');
    const [id, en] = paragraphs(startupErrorText(err).body);
    expect(id).toContain('`npm start`');
    expect(en).toContain('`npm start`');
  });

  it('a second copy and a read-only folder name the folder in Indonesian too', () => {
    const busy = startupErrorText(new DataFolderInUseError('/data/pos', { shell: 'electron', pid: 42, startedAt: '' }));
    expect(paragraphs(busy.body)[0]).toContain('/data/pos');
    expect(paragraphs(busy.body)[0]).toMatch(/sudah terbuka/);
    expect(paragraphs(busy.body)[1]).toContain('process 42');
    const ro = startupErrorText(new DataFolderReadOnlyError('/data/pos', 'EROFS'));
    expect(paragraphs(ro.body)[0]).toMatch(/tidak bisa ditulisi/);
    expect(paragraphs(ro.body)[1]).toContain('EROFS');
  });

  it('anything else still opens with an Indonesian sentence and keeps the English message', () => {
    const text = startupErrorText(new Error('boom'));
    expect(text.title).toBe('Pakasir POS tidak bisa dibuka / could not start');
    expect(paragraphs(text.body)).toEqual([expect.stringMatching(/^Pakasir POS tidak bisa dibuka\./), 'boom']);
    expect(paragraphs(startupErrorText('plain').body)[1]).toBe('plain');
  });
});
