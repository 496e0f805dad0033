import { create } from 'zustand';
import type { Language } from '@shared/domain';
import { en } from './en';
import { id, type Dictionary, type MessageKey } from './id';

export type { MessageKey } from './id';
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Language, Dictionary> = { id, en };

/** Bahasa Indonesia until settings say otherwise: the counter's first language. */
export const useLanguage = create<{ lang: Language; setLang: (lang: Language) => void }>((set) => ({
  lang: 'id',
  setLang: (lang) => set({ lang }),
}));

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}

/** Translates a key in the current (or given) language. */
export function t(key: MessageKey, params?: Params, lang: Language = useLanguage.getState().lang): string {
  return fill(DICTIONARIES[lang][key], params);
}

/**
 * Keys that arrive from main at run time (notice keys) may be ones this build does not know:
 * show a generic sentence with the key rather than nothing.
 */
export function tKnown(key: string, params?: Params, lang: Language = useLanguage.getState().lang): string {
  if (isMessageKey(key)) return t(key, params, lang);
  return t('notice.unknown', { key }, lang);
}

/** React hook: re-renders when the language changes. */
export function useT(): typeof t {
  const lang = useLanguage((s) => s.lang);
  return (key, params, l = lang) => t(key, params, l);
}
