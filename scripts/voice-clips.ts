// `npm run voice:clips`: makes the spoken-announcement clips once, with espeak-ng and sox as
// separate programs (Debian: apt-get install -y espeak-ng sox), and writes them as 16 kHz mono
// G.711 mu-law WAV (8 bits a sample: half the size of 16-bit PCM, the quality of a good phone line) into src/renderer/src/assets/voice/{id,en}/. The clips are committed, so the
// app and its tests never need espeak-ng; espeak-ng (GPL-3.0) is only ever run here, never
// linked or shipped. Run again only when the vocabulary changes; it prints each clip's size.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Language } from '../src/shared/domain';
import { VOICE_SAMPLE_RATE } from '../src/shared/voice/mix';
import { clipIds, clipText } from '../src/shared/voice/vocabulary';

const root = resolve(import.meta.dirname, '..');
const outRoot = join(root, 'src/renderer/src/assets/voice');

/** espeak-ng voices: Indonesian (poz/id) and British English; a steady, clear pace. */
const VOICES: Record<Language, { voice: string; speed: number }> = {
  id: { voice: 'id', speed: 165 },
  en: { voice: 'en-gb', speed: 165 },
};

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error)
    throw new Error(`${cmd} is not installed (Debian: apt-get install -y espeak-ng sox): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'voice-clips-'));
let total = 0;
try {
  for (const lang of ['id', 'en'] as const) {
    const dir = join(outRoot, lang);
    mkdirSync(dir, { recursive: true });
    for (const id of clipIds(lang)) {
      const raw = join(tmp, `${lang}-${id}.wav`);
      const out = join(dir, `${id}.wav`);
      run('espeak-ng', ['-v', VOICES[lang].voice, '-s', String(VOICES[lang].speed), '-w', raw, clipText(lang, id)]);
      // Resample, trim the silence espeak leaves at both ends (the joiner adds its own
      // pauses), and bring every clip to the same peak so no word is quieter than the rest.
      run('sox', [
        raw,
        '-r',
        String(VOICE_SAMPLE_RATE),
        '-c',
        '1',
        '-b',
        '8',
        '-e',
        'u-law',
        out,
        'silence',
        '1',
        '0.01',
        '0.5%',
        'reverse',
        'silence',
        '1',
        '0.01',
        '0.5%',
        'reverse',
        'norm',
        '-1',
      ]);
      const bytes = statSync(out).size;
      total += bytes;
      console.log(`${lang}/${id}.wav ${bytes} bytes`);
    }
  }
  console.log(`total ${(total / 1024).toFixed(1)} KiB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
