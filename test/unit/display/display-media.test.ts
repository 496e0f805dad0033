import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DISPLAY_IMAGE_MAX_BYTES, MAX_PROMO_IMAGES, sniffImageType } from '../../../src/shared/display-media';
import { callSchemas } from '../../../src/shared/contract/schemas';
import { DisplayMedia } from '../../../src/main/display/display-media';
import { useTempDir } from '../orders/temp-dir';

function png(width: number, seed: number): string {
  const p = new PNG({ width, height: 8 });
  for (let i = 0; i < p.data.length; i++) p.data[i] = (i * seed) & 0xff;
  return PNG.sync.write(p).toString('base64');
}

const tempDir = useTempDir();

function media() {
  const dir = tempDir();
  return { dir, m: new DisplayMedia(dir) };
}

describe("the owner's pictures for the customer display", () => {
  it('stores a logo and promotions in the data folder and hands them out as data: URLs', () => {
    const { dir, m } = media();
    const changes: unknown[] = [];
    m.onChange((i) => changes.push(i));
    const v = m.add('logo', png(16, 3));
    expect(v.logo?.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    m.add('promo', png(32, 5));
    m.add('promo', png(32, 7));
    expect(m.view().promos).toHaveLength(2);
    expect(changes).toHaveLength(3);
    // A new start reads the same pictures back.
    expect(new DisplayMedia(dir).view().promos.map((p) => p.id)).toEqual(m.view().promos.map((p) => p.id));
  });

  it('replacing or removing a picture deletes its file', () => {
    const { dir, m } = media();
    const first = m.add('logo', png(16, 3)).logo!.id;
    m.add('logo', png(16, 9));
    const files = readdirSync(join(dir, 'display'));
    expect(files).not.toContain(first);
    m.remove(m.view().logo!.id);
    expect(readdirSync(join(dir, 'display'))).toEqual(['index.json']);
  });

  it('refuses what is not a PNG, JPEG or WebP by its bytes, too large, or one promotion too many', () => {
    const { m } = media();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
      'base64',
    );
    expect(() => m.add('logo', svg)).toThrow(/PNG, JPEG or WebP/);
    const big = Buffer.alloc(DISPLAY_IMAGE_MAX_BYTES + 1);
    Buffer.from(png(8, 1), 'base64').copy(big);
    expect(() => m.add('logo', big.toString('base64'))).toThrow(/larger/);
    for (let i = 0; i < MAX_PROMO_IMAGES; i++) m.add('promo', png(8, i + 2));
    expect(() => m.add('promo', png(8, 99))).toThrow(/At most/);
    expect(m.view().logo).toBeNull();
  });

  it('the contract refuses a path for an id and a picture over the limit before main sees it', () => {
    expect(callSchemas.removeDisplayImage.safeParse({ id: '../settings.json' }).success).toBe(false);
    expect(callSchemas.addDisplayImage.safeParse({ slot: 'logo', data: 'A'.repeat(300_000) }).success).toBe(false);
    expect(callSchemas.addDisplayImage.safeParse({ slot: 'banner', data: 'AAAA' }).success).toBe(false);
  });

  it('a damaged or edited index shows no picture rather than reading another file', () => {
    const { dir, m } = media();
    m.add('logo', png(16, 3));
    writeFileSync(join(dir, 'display', 'index.json'), JSON.stringify({ logo: '../settings.json', promos: [42] }));
    expect(new DisplayMedia(dir).view()).toEqual({ logo: null, promos: [] });
    writeFileSync(join(dir, 'display', 'index.json'), '{not json');
    expect(new DisplayMedia(dir).view()).toEqual({ logo: null, promos: [] });
  });

  it('recognises pictures by their first bytes', () => {
    expect(sniffImageType(Buffer.from(png(4, 1), 'base64'))).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
  });
});
