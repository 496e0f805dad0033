import type { Language } from '@shared/domain';
import { announcementSegments, clipsOf, type Announcement } from '@shared/voice/announcement';
import { joinSegments } from '@shared/voice/mix';
import type { ClipId } from '@shared/voice/vocabulary';
import { parseWav, type Pcm } from '@shared/voice/wav';
import { audioContext, playAlarm, playPaid } from './sound';

/**
 * Plays announcements through Web Audio from the clips bundled with the app (made by
 * `npm run voice:clips`; served from the app's own origin, so the CSP's connect-src 'self'
 * covers them). The clips are joined into one buffer by the same function the tests use to
 * render the announcement to a file. Announcements queue: two payments in a row are both
 * heard in full, one after the other.
 */
const CLIP_URLS = import.meta.glob('../assets/voice/*/*.wav', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const cache = new Map<string, Promise<Pcm>>();

function loadClip(lang: Language, id: ClipId): Promise<Pcm> {
  const key = `../assets/voice/${lang}/${id}.wav`;
  let p = cache.get(key);
  if (!p) {
    const url = CLIP_URLS[key];
    p = url
      ? fetch(url).then(async (r) => {
          if (!r.ok) throw new Error(`voice clip ${key}: HTTP ${r.status}`);
          return parseWav(new Uint8Array(await r.arrayBuffer()));
        })
      : Promise.reject(new Error(`voice clip ${key} is not bundled`));
    // A failed load is retried next time rather than remembered.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

export async function renderAnnouncement(lang: Language, a: Announcement, voice: boolean): Promise<Pcm> {
  const segments = announcementSegments(lang, a, { voice });
  const ids = clipsOf(segments);
  const clips = new Map(await Promise.all(ids.map(async (id) => [id, await loadClip(lang, id)] as const)));
  return joinSegments(segments, clips);
}

let queueEnd = 0;

/** Alarms never drop below this share of full volume: a late payment must be heard. */
const ALARM_FLOOR = 0.3;

export interface VoiceOptions {
  lang: Language;
  voice: boolean;
  /** 0-100. */
  volume: number;
}

export async function announce(a: Announcement, opts: VoiceOptions): Promise<void> {
  const level = opts.volume / 100;
  const gainValue = a.kind === 'paid' ? level : Math.max(level, ALARM_FLOOR);
  if (gainValue <= 0) return;
  let pcm: Pcm;
  try {
    pcm = await renderAnnouncement(opts.lang, a, opts.voice);
  } catch {
    // No clip (a damaged install): the plain tones still say paid or alarm.
    if (a.kind === 'paid') playPaid();
    else playAlarm();
    return;
  }
  const ac = audioContext();
  if (!ac) return;
  const buffer = ac.createBuffer(1, pcm.samples.length, pcm.sampleRate);
  const channel = buffer.getChannelData(0);
  for (let i = 0; i < pcm.samples.length; i++) channel[i] = pcm.samples[i]! / 32768;
  const source = ac.createBufferSource();
  source.buffer = buffer;
  const gain = ac.createGain();
  // Loudness is heard roughly as the square of the slider: keep the low end usable.
  gain.gain.value = gainValue * gainValue;
  source.connect(gain).connect(ac.destination);
  const startAt = Math.max(ac.currentTime + 0.02, queueEnd);
  queueEnd = startAt + buffer.duration + 0.3;
  source.start(startAt);
}
