import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  DISPLAY_IMAGE_ID_PATTERN,
  DISPLAY_IMAGE_MAX_BYTES,
  MAX_PROMO_IMAGES,
  sniffImageType,
  type DisplayImage,
  type DisplayImageSlot,
  type DisplayImageType,
  type DisplayMediaIndex,
  type DisplayMediaView,
} from '@shared/display-media';
import { PosError } from '@shared/errors';
import { writeFileAtomic } from '../settings/atomic-file';

const EXT: Record<DisplayImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };
const TYPE_OF_EXT: Record<string, DisplayImageType> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };
/** The only file names this folder ever holds or serves: a hash and a known extension. */
const FILE_NAME = DISPLAY_IMAGE_ID_PATTERN;

export interface DisplayMediaLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The owner's pictures for the customer display, kept in `<data>/display/`: each file named
 * by its content hash, and a small index (written atomically) saying which is the logo and
 * which are promotions, in order. Only PNG, JPEG and WebP, recognised by their bytes (an SVG
 * could carry script), each under the size limit. The pages get them as data: URLs, so no
 * window ever reads a path.
 */
export class DisplayMedia {
  private readonly dir: string;
  private readonly indexFile: string;
  private index: DisplayMediaIndex;
  private readonly listeners = new Set<(index: DisplayMediaIndex) => void>();

  constructor(
    dataDir: string,
    private readonly log?: DisplayMediaLog,
  ) {
    this.dir = join(dataDir, 'display');
    this.indexFile = join(this.dir, 'index.json');
    this.index = this.load();
  }

  current(): DisplayMediaIndex {
    return { logo: this.index.logo, promos: [...this.index.promos] };
  }

  view(): DisplayMediaView {
    const logo = this.index.logo ? this.image(this.index.logo) : null;
    const promos = this.index.promos.map((f) => this.image(f)).filter((x): x is DisplayImage => x !== null);
    return { logo, promos };
  }

  add(slot: DisplayImageSlot, base64: string): DisplayMediaView {
    const bytes = Buffer.from(base64, 'base64');
    // Buffer.from drops characters that are not base64; a round trip shows the input was clean.
    if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== base64.replace(/=+$/, '')) {
      throw new PosError('invalid_input', 'The picture could not be read.', [{ path: 'data', message: 'not base64' }]);
    }
    if (bytes.length > DISPLAY_IMAGE_MAX_BYTES) {
      throw new PosError('invalid_input', `The picture is larger than ${DISPLAY_IMAGE_MAX_BYTES / 1024} KiB.`, [
        { path: 'data', message: 'too large' },
      ]);
    }
    const type = sniffImageType(bytes);
    if (!type) {
      throw new PosError('invalid_input', 'Only PNG, JPEG or WebP pictures can be used.', [
        { path: 'data', message: 'not a PNG, JPEG or WebP image' },
      ]);
    }
    if (slot === 'promo' && this.index.promos.length >= MAX_PROMO_IMAGES) {
      throw new PosError('invalid_input', `At most ${MAX_PROMO_IMAGES} promotion pictures.`, [
        { path: 'slot', message: 'too many promotion pictures' },
      ]);
    }
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.${EXT[type]}`;
    writeFileAtomic(join(this.dir, name), bytes, 0o644);
    const previous = this.current();
    if (slot === 'logo') this.index.logo = name;
    else if (!this.index.promos.includes(name)) this.index.promos.push(name);
    this.save(previous);
    return this.view();
  }

  remove(id: string): DisplayMediaView {
    const previous = this.current();
    if (this.index.logo === id) this.index.logo = null;
    this.index.promos = this.index.promos.filter((f) => f !== id);
    this.save(previous);
    return this.view();
  }

  onChange(listener: (index: DisplayMediaIndex) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private image(name: string): DisplayImage | null {
    try {
      const bytes = readFileSync(join(this.dir, name));
      const type = sniffImageType(bytes);
      if (!type || type !== TYPE_OF_EXT[name.split('.')[1]!] || bytes.length > DISPLAY_IMAGE_MAX_BYTES) return null;
      return { id: name, type, bytes: bytes.length, dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
    } catch {
      return null;
    }
  }

  private save(previous: DisplayMediaIndex): void {
    writeFileAtomic(this.indexFile, `${JSON.stringify({ version: 1, ...this.index }, null, 2)}\n`);
    // Pictures no longer used are deleted, so the folder holds only what the display shows.
    const kept = new Set([this.index.logo, ...this.index.promos]);
    for (const f of [previous.logo, ...previous.promos]) {
      if (f && !kept.has(f)) rmSync(join(this.dir, f), { force: true });
    }
    const index = this.current();
    for (const l of this.listeners) l(index);
  }

  private load(): DisplayMediaIndex {
    if (!existsSync(this.indexFile)) return { logo: null, promos: [] };
    try {
      const raw = JSON.parse(readFileSync(this.indexFile, 'utf8')) as { logo?: unknown; promos?: unknown };
      const ok = (v: unknown): v is string =>
        typeof v === 'string' && FILE_NAME.test(v) && existsSync(join(this.dir, v));
      return {
        logo: ok(raw.logo) ? raw.logo : null,
        promos: (Array.isArray(raw.promos) ? raw.promos : []).filter(ok).slice(0, MAX_PROMO_IMAGES),
      };
    } catch (err) {
      this.log?.warn('display picture index unreadable; showing none', { error: err });
      return { logo: null, promos: [] };
    }
  }
}
