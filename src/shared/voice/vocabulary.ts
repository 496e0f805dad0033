import type { Language } from '../domain';
import { EN_WORDS, ID_WORDS } from './number-words';

/**
 * Every clip the app can play, per language, and the text the clip generator speaks for it
 * (scripts/voice-clips.ts; `npm run voice:clips`). The clip id is the file name. Phrases are
 * spelled for the speech engine where the written form would be misread: "QRIS" is said
 * "kris", as Bank Indonesia says it.
 */
export const PHRASES = ['paid_qris', 'paid_va', 'paid_link', 'paid', 'rupiah', 'late_payment', 'needs_review'] as const;
export type Phrase = (typeof PHRASES)[number];

export const PHRASE_TEXT: Record<Language, Record<Phrase, string>> = {
  id: {
    paid_qris: 'Pembayaran kris diterima',
    paid_va: 'Pembayaran transfer bank diterima',
    paid_link: 'Pembayaran lewat link diterima',
    paid: 'Pembayaran diterima',
    rupiah: 'rupiah',
    late_payment: 'Perhatian. Ada pembayaran terlambat. Mohon diperiksa.',
    needs_review: 'Perhatian. Ada penjualan yang perlu diperiksa.',
  },
  en: {
    paid_qris: 'Kris payment received',
    paid_va: 'Bank transfer received',
    paid_link: 'Payment link paid',
    paid: 'Payment received',
    rupiah: 'rupiah',
    late_payment: 'Attention. A late payment came in. Please check it.',
    needs_review: 'Attention. A sale needs checking.',
  },
};

export type ClipId = string;

/** All clip ids of a language: the number words, then the phrases. */
export function clipIds(lang: Language): ClipId[] {
  const words: readonly string[] = lang === 'id' ? ID_WORDS : EN_WORDS;
  return [...words, ...PHRASES];
}

/** The text the generator speaks for a clip (a number word is spoken as written). */
export function clipText(lang: Language, id: ClipId): string {
  return (PHRASE_TEXT[lang] as Record<string, string>)[id] ?? id;
}
