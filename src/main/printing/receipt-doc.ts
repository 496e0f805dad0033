/**
 * A printed document before it becomes bytes or HTML: a list of blocks that the layouts
 * build from a snapshot. lineRows() breaks it into exact rows for a paper width once, so the
 * ESC/POS encoder and the HTML for OS printers print the same lines, character for
 * character, and tests can read the receipt back row by row.
 */
export type Align = 'left' | 'center' | 'right';

export type Block =
  | { type: 'text'; text: string; align?: Align; bold?: boolean; /** 2: double width and height. */ size?: 1 | 2 }
  /** A label on the left and a value on the right, the value moving to its own line if both do not fit. */
  | { type: 'pair'; left: string; right: string; bold?: boolean; size?: 1 | 2; indent?: number }
  | { type: 'rule'; char?: '-' | '=' }
  | { type: 'feed'; lines: number }
  /** A QR code printed as a raster image, centred, with a caption under it. */
  | { type: 'qr'; value: string; caption?: string; maxModuleDots: number };

export interface ReceiptDoc {
  blocks: Block[];
  /** Kick the cash drawer (ESC p) after printing: first print of a cash sale only. */
  openDrawer: boolean;
}

export type Row =
  { type: 'text'; text: string; bold: boolean; size: 1 | 2 } | { type: 'qr'; value: string; maxModuleDots: number };

/**
 * Text from the shop or the gateway goes to the printer: control characters (ESC, GS, DLE
 * and friends) are removed so no field can smuggle a printer command, and whitespace runs
 * become one space.
 */
export function printable(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Breaks text into lines of at most `width` characters, at spaces (or dashes) where it can. */
export function wrap(value: string, width: number): string[] {
  const text = printable(value);
  if (text === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      // An order id is longer than a 58 mm line: break it after one of its dashes, so each
      // line holds whole parts of it (prefix, install id, time, number).
      const dash = w.lastIndexOf('-', width - 1);
      const cut = dash > 0 ? dash + 1 : width;
      lines.push(w.slice(0, cut));
      w = w.slice(cut);
    }
    if (!w) continue;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function aligned(text: string, width: number, align: Align): string {
  const pad = Math.max(0, width - text.length);
  if (align === 'right') return ' '.repeat(pad) + text;
  if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + text + ' '.repeat(pad - Math.floor(pad / 2));
  return text + ' '.repeat(pad);
}

/** The rows of a document at `columns` characters per line (font A). */
export function lineRows(doc: ReceiptDoc, columns: number): Row[] {
  const rows: Row[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'text': {
        const size = block.size ?? 1;
        const width = Math.floor(columns / size);
        for (const line of wrap(block.text, width))
          rows.push({ type: 'text', text: aligned(line, width, block.align ?? 'left'), bold: !!block.bold, size });
        break;
      }
      case 'pair': {
        const size = block.size ?? 1;
        const width = Math.floor(columns / size);
        const left = ' '.repeat(block.indent ?? 0) + printable(block.left);
        const right = printable(block.right);
        const bold = !!block.bold;
        if (left.length + 1 + right.length <= width) {
          rows.push({ type: 'text', text: left + ' '.repeat(width - left.length - right.length) + right, bold, size });
        } else {
          for (const line of wrap(left, width))
            rows.push({ type: 'text', text: aligned(line, width, 'left'), bold, size });
          for (const line of wrap(right, width))
            rows.push({ type: 'text', text: aligned(line, width, 'right'), bold, size });
        }
        break;
      }
      case 'rule':
        rows.push({ type: 'text', text: (block.char ?? '-').repeat(columns), bold: false, size: 1 });
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) rows.push({ type: 'text', text: '', bold: false, size: 1 });
        break;
      case 'qr':
        rows.push({ type: 'qr', value: block.value, maxModuleDots: block.maxModuleDots });
        if (block.caption)
          for (const line of wrap(block.caption, columns))
            rows.push({ type: 'text', text: aligned(line, columns, 'center'), bold: false, size: 1 });
        break;
    }
  }
  return rows;
}
