/**
 * A strict ESC/POS decoder for the commands the app emits: it turns printer bytes back into
 * text rows (with bold and size), raster images, cuts and drawer pulses, in order. An
 * unknown command is an error, so a test notices when the app starts sending something new.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export interface TextSpan {
  text: string;
  bold: boolean;
  /** Character magnification (GS !): 1 normal, 2 double. */
  width: number;
  height: number;
}

export type Item =
  | { type: 'line'; spans: TextSpan[]; text: string }
  | { type: 'image'; width: number; height: number; /** 1 = black dot, row-major. */ dots: Uint8Array }
  | { type: 'cut'; partial: boolean }
  | { type: 'pulse'; pin: number; onUnits: number; offUnits: number }
  | { type: 'status_request'; n: number };

export interface Decoded {
  items: Item[];
  /** The text rows alone, trailing spaces removed. */
  lines: string[];
  images: Extract<Item, { type: 'image' }>[];
  cuts: Extract<Item, { type: 'cut' }>[];
  pulses: Extract<Item, { type: 'pulse' }>[];
  /** Bytes of each command seen, by name, for byte-level assertions. */
  commands: { name: string; at: number; bytes: number[] }[];
}

export class EscPosDecodeError extends Error {}

export function decodeEscPos(input: Uint8Array): Decoded {
  const b = input;
  const items: Item[] = [];
  const commands: Decoded['commands'] = [];
  let bold = false;
  let width = 1;
  let height = 1;
  let spans: TextSpan[] = [];
  let pendingText = '';

  const flushSpan = () => {
    if (pendingText) spans.push({ text: pendingText, bold, width, height });
    pendingText = '';
  };
  const endLine = () => {
    flushSpan();
    items.push({ type: 'line', spans, text: spans.map((s) => s.text).join('') });
    spans = [];
  };
  const need = (i: number, n: number, name: string) => {
    if (i + n > b.length) throw new EscPosDecodeError(`${name} at ${i} is cut short`);
  };
  const cmd = (name: string, at: number, len: number) =>
    commands.push({ name, at, bytes: [...b.subarray(at, at + len)] });

  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) {
      endLine();
      i += 1;
      continue;
    }
    if (c === 0x0d) {
      i += 1;
      continue;
    }
    if (c === 0x1b) {
      need(i, 2, 'ESC');
      const op = b[i + 1]!;
      const style = () => flushSpan();
      switch (op) {
        case 0x40: // ESC @ initialize
          style();
          bold = false;
          width = height = 1;
          cmd('initialize', i, 2);
          i += 2;
          continue;
        case 0x45: // ESC E n bold
          need(i, 3, 'ESC E');
          style();
          bold = (b[i + 2]! & 1) === 1;
          cmd('bold', i, 3);
          i += 3;
          continue;
        case 0x4d: // ESC M n font
          need(i, 3, 'ESC M');
          if (b[i + 2] !== 0 && b[i + 2] !== 0x30) throw new EscPosDecodeError(`font ${b[i + 2]} is not font A`);
          cmd('font', i, 3);
          i += 3;
          continue;
        case 0x74: // ESC t n code page
          need(i, 3, 'ESC t');
          style();
          if (b[i + 2] !== 0) throw new EscPosDecodeError(`code page ${b[i + 2]} is not decoded here (only 437)`);
          cmd('codepage', i, 3);
          i += 3;
          continue;
        case 0x61: // ESC a n alignment (rows are padded with spaces; accepted and recorded)
          need(i, 3, 'ESC a');
          cmd('align', i, 3);
          i += 3;
          continue;
        case 0x70: // ESC p m t1 t2 drawer pulse
          need(i, 5, 'ESC p');
          items.push({ type: 'pulse', pin: b[i + 2]!, onUnits: b[i + 3]!, offUnits: b[i + 4]! });
          cmd('pulse', i, 5);
          i += 5;
          continue;
        case 0x64: // ESC d n feed n lines
          need(i, 3, 'ESC d');
          endLine();
          for (let k = 1; k < b[i + 2]!; k++) endLine();
          cmd('feed', i, 3);
          i += 3;
          continue;
        default:
          throw new EscPosDecodeError(`unknown command ESC 0x${op.toString(16)} at ${i}`);
      }
    }
    if (c === 0x1c) {
      need(i, 2, 'FS');
      if (b[i + 1] === 0x2e) {
        cmd('cancel_kanji', i, 2);
        i += 2;
        continue;
      }
      throw new EscPosDecodeError(`unknown command FS 0x${b[i + 1]!.toString(16)} at ${i}`);
    }
    if (c === 0x1d) {
      need(i, 2, 'GS');
      const op = b[i + 1]!;
      if (op === 0x21) {
        need(i, 3, 'GS !');
        flushSpan();
        width = ((b[i + 2]! >> 4) & 0x07) + 1;
        height = (b[i + 2]! & 0x07) + 1;
        cmd('size', i, 3);
        i += 3;
        continue;
      }
      if (op === 0x56) {
        need(i, 3, 'GS V');
        const m = b[i + 2]!;
        const withFeed = m === 65 || m === 66;
        if (!withFeed && ![0, 1, 48, 49].includes(m)) throw new EscPosDecodeError(`GS V ${m} is not a cut`);
        flushSpan();
        if (spans.length > 0) endLine();
        items.push({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
        cmd('cut', i, withFeed ? 4 : 3);
        i += withFeed ? 4 : 3;
        continue;
      }
      if (op === 0x76) {
        // GS v 0 m xL xH yL yH d1...dk: raster bit image, xL+xH*256 bytes per row.
        need(i, 8, 'GS v 0');
        if (b[i + 2] !== 0x30) throw new EscPosDecodeError(`GS v ${b[i + 2]} is not GS v 0`);
        if (b[i + 3] !== 0 && b[i + 3] !== 0x30) throw new EscPosDecodeError('scaled raster images are not decoded');
        const bytesPerRow = b[i + 4]! + b[i + 5]! * 256;
        const rows = b[i + 6]! + b[i + 7]! * 256;
        const size = bytesPerRow * rows;
        need(i, 8 + size, 'GS v 0 data');
        const w = bytesPerRow * 8;
        const dots = new Uint8Array(w * rows);
        for (let y = 0; y < rows; y++)
          for (let x = 0; x < w; x++) dots[y * w + x] = (b[i + 8 + y * bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1;
        flushSpan();
        const previous = items[items.length - 1];
        // The encoder sends a tall image in chunks of rows: they join without a seam on paper.
        if (previous && previous.type === 'image' && previous.width === w && spans.length === 0) {
          const joined = new Uint8Array(w * (previous.height + rows));
          joined.set(previous.dots);
          joined.set(dots, previous.dots.length);
          items[items.length - 1] = { type: 'image', width: w, height: previous.height + rows, dots: joined };
        } else {
          items.push({ type: 'image', width: w, height: rows, dots });
        }
        cmd('raster', i, 8);
        i += 8 + size;
        continue;
      }
      throw new EscPosDecodeError(`unknown command GS 0x${op.toString(16)} at ${i}`);
    }
    if (c === 0x10) {
      need(i, 3, 'DLE');
      if (b[i + 1] === 0x04) {
        items.push({ type: 'status_request', n: b[i + 2]! });
        cmd('status_request', i, 3);
        i += 3;
        continue;
      }
      throw new EscPosDecodeError(`unknown command DLE 0x${b[i + 1]!.toString(16)} at ${i}`);
    }
    if (c < 0x20 || c === 0x7f) throw new EscPosDecodeError(`unexpected control byte 0x${c.toString(16)} at ${i}`);
    pendingText += c < 0x80 ? String.fromCharCode(c) : CP437_HIGH[c - 0x80]!;
    i += 1;
  }
  flushSpan();
  if (spans.length > 0) endLine();

  // The text of each line: an image or a cut between lines stays in place in `items`.
  const lineItems = items.filter((it): it is Extract<Item, { type: 'line' }> => it.type === 'line');
  return {
    items,
    lines: lineItems.map((l) => l.text.trimEnd()),
    images: items.filter((it): it is Extract<Item, { type: 'image' }> => it.type === 'image'),
    cuts: items.filter((it): it is Extract<Item, { type: 'cut' }> => it.type === 'cut'),
    pulses: items.filter((it): it is Extract<Item, { type: 'pulse' }> => it.type === 'pulse'),
    commands,
  };
}

/** An image as RGBA for jsqr: black dots on white. */
export function imageToRgba(image: { width: number; height: number; dots: Uint8Array }): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let p = 0; p < image.dots.length; p++) {
    const v = image.dots[p] ? 0 : 255;
    out[p * 4] = v;
    out[p * 4 + 1] = v;
    out[p * 4 + 2] = v;
    out[p * 4 + 3] = 255;
  }
  return out;
}
