import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/shared/domain';
import { announcementSegments, clipsOf, type Announcement } from '../../../src/shared/voice/announcement';
import { joinSegments, loudness, VOICE_SAMPLE_RATE } from '../../../src/shared/voice/mix';
import { clipIds } from '../../../src/shared/voice/vocabulary';
import { encodeWav, parseWav, type Pcm } from '../../../src/shared/voice/wav';

/**
 * The spoken announcement rendered to audio in Node from the very clips the app ships and
 * plays (src/renderer/src/assets/voice), joined by the same function the renderer uses.
 * The files land in test-results/voice for a person to listen to.
 */
const root = resolve(import.meta.dirname, '../../..');
const clipDir = join(root, 'src/renderer/src/assets/voice');
const outDir = join(root, 'test-results/voice');
mkdirSync(outDir, { recursive: true });

function loadClips(lang: Language, ids: string[]): Map<string, Pcm> {
  return new Map(ids.map((id) => [id, parseWav(readFileSync(join(clipDir, lang, `${id}.wav`)))]));
}

function render(lang: Language, a: Announcement, name: string): Pcm {
  const segments = announcementSegments(lang, a);
  const pcm = joinSegments(segments, loadClips(lang, clipsOf(segments)));
  const file = join(outDir, `${name}-${lang}.wav`);
  writeFileSync(file, encodeWav(pcm));
  // What was written reads back as the same sound: the file is what was measured.
  return parseWav(readFileSync(file));
}

describe('the clips shipped with the app', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`${lang}: one clip for every word and phrase, each a short sound at 16 kHz, nothing else`, () => {
      const ids = clipIds(lang);
      const files = readdirSync(join(clipDir, lang)).sort();
      expect(files).toEqual(ids.map((id) => `${id}.wav`).sort());
      for (const [id, clip] of loadClips(lang, ids)) {
        const facts = loudness(clip);
        expect(clip.sampleRate, id).toBe(VOICE_SAMPLE_RATE);
        expect(facts.seconds, id).toBeGreaterThan(0.1);
        expect(facts.seconds, id).toBeLessThan(5);
        expect(facts.voicedSeconds / facts.seconds, `${id} is mostly sound`).toBeGreaterThan(0.5);
      }
    });
  }

  it('all clips together stay small (under 1 MiB)', () => {
    let bytes = 0;
    for (const lang of ['id', 'en'])
      for (const f of readdirSync(join(clipDir, lang))) bytes += statSync(join(clipDir, lang, f)).size;
    expect(bytes).toBeLessThan(1024 * 1024);
  });
});

describe('the spoken payment announcement, rendered to a WAV file', () => {
  const cases: [number, string][] = [
    [25_000, 'dua puluh lima ribu'],
    [1_250_500, 'satu juta dua ratus lima puluh ribu lima ratus'],
    [10_000_000, 'sepuluh juta'],
  ];
  for (const lang of ['id', 'en'] as const) {
    for (const [amount] of cases) {
      it(`${lang}: Rp ${amount} is a sound of plausible length and loudness`, () => {
        const pcm = render(lang, { kind: 'paid', method: 'qris', amount }, `paid-qris-${amount}`);
        const facts = loudness(pcm);
        console.log(
          `voice ${lang} ${amount}: ${facts.seconds.toFixed(2)} s, sound ${facts.voicedSeconds.toFixed(2)} s, rms ${facts.rms.toFixed(3)}, peak ${facts.peak.toFixed(2)}`,
        );
        expect(facts.seconds).toBeGreaterThan(1);
        expect(facts.seconds).toBeLessThan(12);
        expect(facts.voicedSeconds).toBeGreaterThan(1);
        expect(facts.rms).toBeGreaterThan(0.05);
        expect(facts.peak).toBeLessThanOrEqual(1);
      });
    }
  }

  it('a longer amount takes longer to say, word by word', () => {
    const seconds = cases.map(
      ([amount]) => loudness(render('id', { kind: 'paid', method: 'qris', amount }, `cmp-${amount}`)).seconds,
    );
    // "sepuluh juta" is the shortest, "satu juta dua ratus lima puluh ribu lima ratus" the longest.
    expect(seconds[2]!).toBeLessThan(seconds[0]!);
    expect(seconds[1]!).toBeGreaterThan(seconds[0]! + 1);
  });

  it('says the method: QRIS, bank transfer or payment link', () => {
    const phrase = (method: 'qris' | 'bni_va' | 'payment_link') =>
      announcementSegments('id', { kind: 'paid', method, amount: 25_000 }).flatMap((s) =>
        'clip' in s ? [s.clip] : [],
      );
    expect(phrase('qris')).toEqual(['paid_qris', 'dua', 'puluh', 'lima', 'ribu', 'rupiah']);
    expect(phrase('bni_va')[0]).toBe('paid_va');
    expect(phrase('payment_link')[0]).toBe('paid_link');
  });

  it('the late-payment and review alarms are sounds of their own, not the paid chime', () => {
    const late = render('id', { kind: 'late_payment' }, 'alarm-late');
    const review = render('id', { kind: 'needs_review' }, 'alarm-review');
    for (const pcm of [late, review]) expect(loudness(pcm).voicedSeconds).toBeGreaterThan(1);
    const tones = (a: Announcement) =>
      announcementSegments('id', a).flatMap((s) => ('tone' in s ? [`${s.tone.freq}/${s.tone.wave}`] : []));
    const paid = tones({ kind: 'paid', method: 'qris', amount: 1000 });
    expect(tones({ kind: 'late_payment' })).not.toEqual(paid);
    expect(tones({ kind: 'needs_review' })).not.toEqual(paid);
    expect(tones({ kind: 'late_payment' })).not.toEqual(tones({ kind: 'needs_review' }));
  });
});
