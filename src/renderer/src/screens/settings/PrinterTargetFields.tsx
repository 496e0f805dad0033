import { useEffect, useState } from 'react';
import type { OsPrinterInfo } from '@shared/printing';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import type { PrinterDraft } from '../../lib/printer-view';

/** Where receipts go (none, a network printer, or one the computer knows) and the paper width. */
export function PrinterTargetFields({
  draft,
  set,
}: {
  draft: PrinterDraft;
  set: <K extends keyof PrinterDraft>(k: K, v: PrinterDraft[K]) => void;
}) {
  const t = useT();
  const [osPrinters, setOsPrinters] = useState<OsPrinterInfo[]>([]);
  // The computer's printers are listed only when the owner picks that kind.
  useEffect(() => {
    if (draft.kind !== 'os') return;
    getPosApi()
      .listOsPrinters({})
      .then(setOsPrinters, () => setOsPrinters([]));
  }, [draft.kind]);
  return (
    <>
      <div className="field-row">
        <label className="field">
          <span>{t('printer.kind')}</span>
          <select
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as PrinterDraft['kind'])}
            data-testid="printer-kind"
          >
            <option value="none">{t('printer.kind.none')}</option>
            <option value="tcp">{t('printer.kind.tcp')}</option>
            <option value="os">{t('printer.kind.os')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('printer.paper')}</span>
          <select
            value={draft.paperWidth}
            onChange={(e) => set('paperWidth', Number(e.target.value) === 80 ? 80 : 58)}
            data-testid="printer-paper"
          >
            <option value={58}>{t('printer.paper.58')}</option>
            <option value={80}>{t('printer.paper.80')}</option>
          </select>
        </label>
      </div>
      {draft.kind === 'tcp' && (
        <div className="field-row">
          <label className="field field-grow">
            <span>{t('printer.host')}</span>
            <input
              value={draft.host}
              placeholder="192.168.1.50"
              maxLength={253}
              spellCheck={false}
              onChange={(e) => set('host', e.target.value)}
              data-testid="printer-host"
            />
          </label>
          <label className="field printer-port">
            <span>{t('printer.port')}</span>
            <input
              value={draft.port}
              inputMode="numeric"
              maxLength={5}
              onChange={(e) => set('port', e.target.value)}
              data-testid="printer-port"
            />
          </label>
        </div>
      )}
      {draft.kind === 'os' && (
        <label className="field">
          <span>{t('printer.osName')}</span>
          <select
            value={draft.deviceName}
            onChange={(e) => set('deviceName', e.target.value)}
            data-testid="printer-os-name"
          >
            <option value="" disabled>
              {osPrinters.length === 0 ? t('printer.osNone') : '—'}
            </option>
            {osPrinters.map((p) => (
              <option key={p.name} value={p.name}>
                {p.displayName}
              </option>
            ))}
          </select>
          <small className="hint">{t('printer.osDrawer')}</small>
        </label>
      )}
    </>
  );
}
