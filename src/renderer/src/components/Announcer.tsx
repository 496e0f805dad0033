import { useEffect } from 'react';
import { createAnnouncer } from '../lib/announce';
import { paidNotice } from '../lib/alerts';
import { announce } from '../lib/voice-player';
import { useLanguage } from '../i18n';
import { usePos } from '../stores/pos-store';

/**
 * The cashier window's voice, mounted once beside the screens so it speaks on every screen:
 * a verified payment is said out loud and becomes a banner; alarms from main sound.
 * Renders nothing.
 */
export function Announcer() {
  useEffect(() => {
    const announcer = createAnnouncer((a) => {
      const settings = usePos.getState().settings;
      void announce(a, {
        lang: useLanguage.getState().lang,
        voice: settings?.voiceEnabled ?? true,
        volume: settings?.soundVolume ?? 80,
      });
    });
    return usePos.subscribe((s, prev) => {
      const o = s.lastOrderUpdate;
      if (o && o !== prev.lastOrderUpdate && announcer.order(o)) {
        usePos.getState().addNotice(paidNotice(o, o.paidAt ?? o.updatedAt));
      }
      if (s.notices !== prev.notices) {
        const known = new Set(prev.notices.map((n) => n.id));
        for (const n of s.notices) if (!known.has(n.id)) announcer.notice(n);
      }
    });
  }, []);
  return null;
}
