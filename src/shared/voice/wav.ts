/**
 * Mono WAV read and written without any library. The clips are G.711 mu-law (8 bits a
 * sample: half the size of 16-bit PCM, made by scripts/voice-clips.ts); 16-bit PCM is read
 * too and is what encodeWav writes. Anything else is refused rather than guessed. Pure
 * (DataView only): the renderer plays what it reads here and the tests in Node write the
 * same joined samples back to a file.
 */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

function ascii(view: DataView, at: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(view.getUint8(at + i));
  return s;
}

const PCM = 1;
const MU_LAW = 7;

/** ITU-T G.711 mu-law expansion. */
export function muLawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 7)) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

export function parseWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || ascii(view, 0, 4) !== 'RIFF' || ascii(view, 8, 4) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let at = 12;
  let sampleRate = 0;
  let format: { tag: number; channels: number; bits: number } | null = null;
  while (at + 8 <= bytes.byteLength) {
    const id = ascii(view, at, 4);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = {
        tag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        bits: view.getUint16(body + 14, true),
      };
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === 'data') {
      const available = Math.min(size, bytes.byteLength - body);
      if (format?.channels === 1 && format.tag === PCM && format.bits === 16) {
        const samples = new Int16Array(available >> 1);
        for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + i * 2, true);
        return { sampleRate, samples };
      }
      if (format?.channels === 1 && format.tag === MU_LAW && format.bits === 8) {
        const samples = new Int16Array(available);
        for (let i = 0; i < samples.length; i++) samples[i] = muLawToLinear(view.getUint8(body + i));
        return { sampleRate, samples };
      }
      throw new Error('WAV must be mono, 16-bit PCM or 8-bit mu-law');
    }
    at = body + size + (size & 1);
  }
  throw new Error('WAV has no data');
}

export function encodeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const write = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  write(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.samples.length; i++) view.setInt16(44 + i * 2, pcm.samples[i]!, true);
  return bytes;
}
