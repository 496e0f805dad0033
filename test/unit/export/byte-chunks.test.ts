import { describe, expect, it } from 'vitest';
import { ByteChunks } from '../../../src/main/export/byte-chunks';
import { seededRandom } from '../../../testkit/random';

describe('ByteChunks', () => {
  it('hands back exactly the UTF-8 of everything added, in order, in chunks no larger than asked', () => {
    const random = seededRandom(5);
    const alphabet = ['a', ';', '"', '\r\n', 'é', '咖', '啡', '🧋', '☕', 'Z'];
    const size = 64;
    const chunks = new ByteChunks(size);
    const out: Buffer[] = [];
    let all = '';
    for (let i = 0; i < 2000; i += 1) {
      // Mostly short texts, now and then one longer than a whole chunk.
      const length = random() < 0.05 ? 40 + Math.floor(random() * 60) : Math.floor(random() * 12);
      let text = '';
      for (let j = 0; j < length; j += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      all += text;
      for (const chunk of chunks.add(text)) {
        if (Buffer.byteLength(text) <= size) expect(chunk.length).toBeLessThanOrEqual(size);
        out.push(chunk);
      }
    }
    out.push(chunks.take());
    expect(Buffer.concat(out).equals(Buffer.from(all, 'utf8'))).toBe(true);
    expect(chunks.take().length).toBe(0);
  });
});
