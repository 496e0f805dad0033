/**
 * Short tones made with WebAudio: no audio file to ship, load or block under the CSP.
 * Failures are ignored (no audio device, autoplay policy): the screen is the record.
 */
let ctx: AudioContext | null = null;

export function audioContext(): AudioContext | null {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    return ctx;
  } catch {
    return null;
  }
}

function tone(freq: number, startIn: number, duration: number, volume: number, type: OscillatorType = 'sine'): void {
  const ac = audioContext();
  if (!ac) return;
  const osc = ac.createOscillator();
  const gain = ac.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  const t0 = ac.currentTime + startIn;
  gain.gain.setValueAtTime(0.0001, t0);
  gain.gain.exponentialRampToValueAtTime(volume, t0 + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, t0 + duration);
  osc.connect(gain).connect(ac.destination);
  osc.start(t0);
  osc.stop(t0 + duration + 0.05);
}

/** Two rising notes: paid (the fallback when the voice clips cannot be loaded). */
export function playPaid(): void {
  tone(880, 0, 0.18, 0.25);
  tone(1320, 0.16, 0.32, 0.25);
}

/** Harsh repeated beeps: something needs a human now. */
export function playAlarm(): void {
  for (let i = 0; i < 3; i++) tone(660, i * 0.3, 0.2, 0.4, 'square');
}

/**
 * Browsers (and Electron's default policy) start an AudioContext suspended until a user
 * gesture; the first key or tap at the counter unlocks it so the paid tone can play later
 * when the payment arrives on its own.
 */
export function unlockAudioOnFirstGesture(): void {
  const unlock = () => {
    audioContext();
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
}
