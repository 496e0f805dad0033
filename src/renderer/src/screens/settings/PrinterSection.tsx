import { useState } from 'react';
import type { PrinterSettingsView } from '@shared/printing';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { draftOf, isDirty, patchOf, type PrinterDraft } from '../../lib/printer-view';
import { useAction } from '../../lib/use-action';
import { usePrinter } from '../../stores/printer-store';
import { PrinterStatusRow, RecentJobs } from './PrinterQueue';
import { PrinterTargetFields } from './PrinterTargetFields';
import { TestPrint } from './TestPrint';
import './printer-section.css';

/** Settings → Printer: where receipts go, the paper, auto-print, the test print and the queue. */
export function PrinterSection() {
  const saved = usePrinter((s) => s.settings);
  if (!saved) return null;
  return <PrinterForm saved={saved} />;
}

function PrinterForm({ saved }: { saved: PrinterSettingsView }) {
  const t = useT();
  const [draft, setDraft] = useState<PrinterDraft>(() => draftOf(saved));
  const [done, setDone] = useState(false);

  const set = <K extends keyof PrinterDraft>(k: K, v: PrinterDraft[K]) => {
    setDone(false);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const { error, run: save } = useAction(async () => {
    const next = await getPosApi().updatePrinterSettings(patchOf(draft));
    usePrinter.getState().setSettings(next);
    setDraft(draftOf(next));
    setDone(true);
  });

  return (
    <fieldset className="card printer-section" data-testid="printer-section">
      <legend>{t('printer.section')}</legend>
      <PrinterStatusRow />
      <PrinterTargetFields draft={draft} set={set} />
      <label className="check">
        <input
          type="checkbox"
          checked={draft.kind !== 'none' && draft.autoPrint}
          disabled={draft.kind === 'none'}
          onChange={(e) => set('autoPrint', e.target.checked)}
          data-testid="printer-auto"
        />
        <span>{t('printer.autoPrint')}</span>
      </label>
      {draft.kind === 'tcp' && (
        <label className="check">
          <input
            type="checkbox"
            checked={draft.statusCheck}
            onChange={(e) => set('statusCheck', e.target.checked)}
            data-testid="printer-status-check"
          />
          <span>{t('printer.statusCheck')}</span>
        </label>
      )}
      <div className="field-row">
        <label className="field">
          <span>{t('printer.header')}</span>
          <textarea
            rows={3}
            value={draft.header}
            maxLength={200}
            onChange={(e) => set('header', e.target.value)}
            data-testid="printer-header"
          />
        </label>
        <label className="field">
          <span>{t('printer.footer')}</span>
          <textarea
            rows={3}
            value={draft.footer}
            maxLength={200}
            placeholder={t('printer.footerPlaceholder')}
            onChange={(e) => set('footer', e.target.value)}
            data-testid="printer-footer"
          />
        </label>
      </div>
      <div className="printer-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!isDirty(saved, draft)}
          onClick={() => void save()}
          data-testid="printer-save"
        >
          {t('printer.save')}
        </button>
        <TestPrint draft={draft} />
        {done && <span className="ok-text">{t('printer.saved')}</span>}
      </div>
      {error && <ErrorBox error={error} />}
      <h3 className="printer-jobs-title">{t('printer.jobs')}</h3>
      <RecentJobs />
    </fieldset>
  );
}
