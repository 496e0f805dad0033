import type { Segment, Tone } from './announcement';
import type { ClipId } from './vocabulary';
import type { Pcm } from './wav';

/** Every clip is made at this rate (scripts/voice-clips.ts); speech needs no more. */
export const VOICE_SAMPLE_RATE = 16_000;

const TONE_LEVEL = 0.45;

function toneSamples(tone: Tone, sampleRate: number): Int16Array {
  const n = Math.round((tone.ms / 1000) * sampleRate);
  const out = new Int16Array(n);
  const ramp = Math.max(1, Math.round(0.008 * sampleRate));
  for (let i = 0; i < n; i++) {
    const phase = (2 * Math.PI * tone.freq * i) / sampleRate;
    const raw = tone.wave === 'sine' ? Math.sin(phase) : Math.sign(Math.sin(phase)) * 0.6;
    // Short fades in and out: a tone cut at full level clicks.
    const envelope = Math.min(1, i / ramp, (n - 1 - i) / ramp);
    out[i] = Math.round(raw * envelope * TONE_LEVEL * 32767);
  }
  return out;
}

/**
 * Joins the segments into one buffer: each segment's pause, then its clip or tone. The
 * renderer plays the result as one sound; the tests write it to a WAV and measure it.
 */
export function joinSegments(
  segments: readonly Segment[],
  clips: ReadonlyMap<ClipId, Pcm>,
  sampleRate = VOICE_SAMPLE_RATE,
): Pcm {
  const parts: Int16Array[] = [];
  for (const segment of segments) {
    parts.push(new Int16Array(Math.round((segment.pauseMs / 1000) * sampleRate)));
    if ('tone' in segment) {
      parts.push(toneSamples(segment.tone, sampleRate));
      continue;
    }
    const clip = clips.get(segment.clip);
    if (!clip) throw new Error(`voice clip "${segment.clip}" is missing`);
    if (clip.sampleRate !== sampleRate)
      throw new Error(`voice clip "${segment.clip}" is ${clip.sampleRate} Hz, not ${sampleRate}`);
    parts.push(clip.samples);
  }
  const samples = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    samples.set(p, at);
    at += p.length;
  }
  return { sampleRate, samples };
}

export interface LoudnessFacts {
  seconds: number;
  /** RMS of the whole sound, 0..1 of full scale. */
  rms: number;
  /** Time in 20 ms windows whose RMS is above the floor. */
  voicedSeconds: number;
  peak: number;
}

/** Measures a sound the way a person would notice it: how long, how loud, how much of it is sound. */
export function loudness(pcm: Pcm, floor = 0.02): LoudnessFacts {
  const { samples, sampleRate } = pcm;
  let sum = 0;
  let peak = 0;
  for (const s of samples) {
    const v = s / 32768;
    sum += v * v;
    peak = Math.max(peak, Math.abs(v));
  }
  const window = Math.round(sampleRate * 0.02);
  let voiced = 0;
  for (let start = 0; start + window <= samples.length; start += window) {
    let w = 0;
    for (let i = start; i < start + window; i++) w += (samples[i]! / 32768) ** 2;
    if (Math.sqrt(w / window) > floor) voiced += 1;
  }
  return {
    seconds: samples.length / sampleRate,
    rms: samples.length ? Math.sqrt(sum / samples.length) : 0,
    voicedSeconds: voiced * 0.02,
    peak,
  };
}
