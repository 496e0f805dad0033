import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callSchemas } from '@shared/contract/schemas';
import { PosError } from '@shared/errors';
import type { PrinterSettingsPatch, PrinterSettingsView } from '@shared/printing';
import { writeFileAtomic } from '../settings/atomic-file';

const DEFAULTS: PrinterSettingsView = {
  target: { kind: 'none' },
  paperWidth: 58,
  autoPrint: false,
  statusCheck: true,
  headerLines: [],
  footerLines: [],
};
export const DEFAULT_PRINTER_SETTINGS: Readonly<PrinterSettingsView> = Object.freeze(DEFAULTS);

const schema = callSchemas.updatePrinterSettings;
const fields = schema.shape;

/**
 * The printer's settings in their own file (printer.json) in the data folder, written
 * atomically. Each stored field is checked on its own, so one bad value falls back to its
 * default instead of losing the rest. Auto-print cannot be on without a printer.
 */
export class PrinterSettingsStore {
  private readonly file: string;
  private current: PrinterSettingsView;

  constructor(
    dataDir: string,
    private readonly log?: { warn(message: string, fields?: Record<string, unknown>): void },
  ) {
    this.file = join(dataDir, 'printer.json');
    this.current = this.load();
  }

  view(): PrinterSettingsView {
    return structuredClone(this.current);
  }

  update(patch: PrinterSettingsPatch): PrinterSettingsView {
    const parsed = schema.safeParse(patch);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(input)',
        message: i.message,
      }));
      throw new PosError(
        'invalid_input',
        `Invalid printer settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    const next: PrinterSettingsView = { ...this.current };
    for (const [key, value] of Object.entries(parsed.data))
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
    next.headerLines = next.headerLines.map((l) => l.trim()).filter(Boolean);
    next.footerLines = next.footerLines.map((l) => l.trim()).filter(Boolean);
    if (next.target.kind === 'none') next.autoPrint = false;
    this.current = next;
    writeFileAtomic(this.file, `${JSON.stringify({ version: 1, printer: next }, null, 2)}\n`);
    return this.view();
  }

  private load(): PrinterSettingsView {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log?.warn('printer settings unreadable; using defaults', { error: err });
      return structuredClone(DEFAULT_PRINTER_SETTINGS) as PrinterSettingsView;
    }
    const stored = (raw as { printer?: Record<string, unknown> } | null)?.printer ?? {};
    const out = structuredClone(DEFAULT_PRINTER_SETTINGS) as PrinterSettingsView;
    for (const key of Object.keys(DEFAULT_PRINTER_SETTINGS) as (keyof PrinterSettingsView)[]) {
      if (!(key in stored)) continue;
      const ok = fields[key].safeParse(stored[key]);
      if (ok.success && ok.data !== undefined) (out as unknown as Record<string, unknown>)[key] = ok.data;
      else this.log?.warn('stored printer setting invalid; using default', { setting: key });
    }
    if (out.target.kind === 'none') out.autoPrint = false;
    return out;
  }
}
