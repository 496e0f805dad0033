import type { Language } from '../domain';
import { METHOD_RULES, type PaymentMethod } from '../methods';
import { englishWords, indonesianWords } from './number-words';
import type { ClipId, Phrase } from './vocabulary';

/** What the counter says out loud. Built only from facts main published (see lib/announce.ts). */
export type Announcement =
  { kind: 'paid'; method: PaymentMethod; amount: number } | { kind: 'late_payment' } | { kind: 'needs_review' };

/** A tone drawn in code, so alarms need no clip and cannot be mistaken for speech. */
export interface Tone {
  freq: number;
  ms: number;
  wave: 'sine' | 'square';
}

export type Segment = { pauseMs: number } & ({ clip: ClipId } | { tone: Tone });

/** Short rising chime before the words, as soundboxes do: people turn to it before the amount. */
const CHIME: Segment[] = [
  { pauseMs: 0, tone: { freq: 880, ms: 150, wave: 'sine' } },
  { pauseMs: 10, tone: { freq: 1320, ms: 260, wave: 'sine' } },
];

/** Late payment: a two-tone siren, unlike anything that means "paid". */
const SIREN: Segment[] = Array.from({ length: 6 }, (_, i) => ({
  pauseMs: i === 0 ? 0 : 20,
  tone: { freq: i % 2 === 0 ? 960 : 720, ms: 230, wave: 'square' as const },
}));

/** Needs review: three low, flat beeps. */
const BEEPS: Segment[] = Array.from({ length: 3 }, (_, i) => ({
  pauseMs: i === 0 ? 0 : 160,
  tone: { freq: 520, ms: 200, wave: 'square' as const },
}));

const WORD_GAP_MS = 30;
const PHRASE_GAP_MS = 260;

function paidPhrase(method: PaymentMethod): Phrase {
  const kind = METHOD_RULES[method].kind;
  if (kind === 'qris') return 'paid_qris';
  if (kind === 'va') return 'paid_va';
  if (kind === 'link') return 'paid_link';
  return 'paid';
}

/** The amount in words, as clip ids: ['dua', 'puluh', 'lima', 'ribu', 'rupiah']. */
export function amountClips(lang: Language, amount: number): ClipId[] {
  const words: string[] = lang === 'id' ? indonesianWords(amount) : englishWords(amount);
  return [...words, 'rupiah'];
}

/**
 * The sound, as a list of segments: "Pembayaran QRIS diterima, dua puluh lima ribu rupiah".
 * The renderer and the tests join exactly this list (joinSegments in ./mix.ts). With the
 * voice off, only the tones remain: the chime for paid, the siren or beeps for alarms.
 */
export function announcementSegments(lang: Language, a: Announcement, opts: { voice?: boolean } = {}): Segment[] {
  const voice = opts.voice ?? true;
  if (a.kind === 'late_payment') return voice ? [...SIREN, { pauseMs: 200, clip: 'late_payment' }] : SIREN;
  if (a.kind === 'needs_review') return voice ? [...BEEPS, { pauseMs: 200, clip: 'needs_review' }] : BEEPS;
  if (!voice) return CHIME;
  const words = amountClips(lang, a.amount).map((clip, i) => ({
    pauseMs: i === 0 ? PHRASE_GAP_MS : WORD_GAP_MS,
    clip,
  }));
  return [...CHIME, { pauseMs: 120, clip: paidPhrase(a.method) }, ...words];
}

/** The clips a list of segments needs (to load before joining). */
export function clipsOf(segments: readonly Segment[]): ClipId[] {
  return [...new Set(segments.flatMap((s) => ('clip' in s ? [s.clip] : [])))];
}
