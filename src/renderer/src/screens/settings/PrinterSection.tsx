import { useEffect, useState } from 'react';
import type { OsPrinterInfo, PrinterSettingsView, TestPrintResult } from '@shared/printing';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { describeError, type ShownError } from '../../lib/errors';
import { draftOf, isDirty, jobLabel, patchOf, statusLine, type PrinterDraft } from '../../lib/printer-view';
import { usePrinter } from '../../stores/printer-store';
import './printer-section.css';

function PrinterStatusRow() {
  const t = useT();
  const status = usePrinter((s) => s.status);
  const line = statusLine(status);
  return (
    <div className="printer-status" data-testid="printer-status" data-problem={status?.problem ?? ''}>
      <span className={`printer-pill printer-pill-${line.tone}`}>{t(line.key)}</span>
      {status?.paperLow && <span className="warn-text">{t('printer.paperLow')}</span>}
      {status && status.waiting > 0 && (
        <>
          <span className="printer-waiting" data-testid="printer-waiting">
            {t('printer.waiting', { n: status.waiting })}
          </span>
          <button
            type="button"
            className="btn btn-small"
            data-testid="printer-retry"
            onClick={() =>
              void getPosApi()
                .retryPrinting({})
                .then(usePrinter.getState().setStatus, () => undefined)
            }
          >
            {t('printer.retry')}
          </button>
        </>
      )}
    </div>
  );
}

function RecentJobs() {
  const t = useT();
  const jobs = usePrinter((s) => s.jobs);
  if (jobs.length === 0) return <p className="hint">{t('printer.noJobs')}</p>;
  return (
    <ul className="printer-jobs" data-testid="printer-jobs">
      {jobs.map((job) => {
        const [key, params, reprint] = jobLabel(job);
        return (
          <li key={job.id} data-state={job.state}>
            <span>
              {t(key, params)}
              {reprint ? ` (${t('printer.job.reprint', reprint)})` : ''}
            </span>
            <span className={`printer-job-state printer-job-${job.state}`}>{t(`printer.jobState.${job.state}`)}</span>
            {job.state === 'queued' && (
              <button
                type="button"
                className="link-btn"
                onClick={() =>
                  void getPosApi()
                    .cancelPrintJob({ jobId: job.id })
                    .catch(() => undefined)
                }
              >
                {t('printer.cancel')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function TestPrint({ draft }: { draft: PrinterDraft }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestPrintResult | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const { target, paperWidth } = patchOf(draft);
      setResult(await getPosApi().testPrint({ target, paperWidth }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={busy || draft.kind === 'none'}
        onClick={() => void run()}
        data-testid="printer-test"
      >
        {busy ? t('printer.testing') : t('printer.test')}
      </button>
      {result && (
        <div
          className={result.ok ? 'verdict verdict-ok' : 'verdict verdict-bad'}
          data-testid="printer-test-result"
          data-problem={result.problem ?? ''}
        >
          {result.ok
            ? t('printer.testOk', { ms: result.latencyMs })
            : t('printer.testFailed', { problem: t(`printer.problem.${result.problem!}`) })}
          {result.ok && result.paperLow ? ` ${t('printer.paperLow')}` : ''}
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </>
  );
}

/** Settings → Printer: where receipts go, the paper, auto-print, the test print and the queue. */
export function PrinterSection() {
  const saved = usePrinter((s) => s.settings);
  if (!saved) return null;
  return <PrinterForm saved={saved} />;
}

function PrinterForm({ saved }: { saved: PrinterSettingsView }) {
  const t = useT();
  const [draft, setDraft] = useState<PrinterDraft>(() => draftOf(saved));
  const [osPrinters, setOsPrinters] = useState<OsPrinterInfo[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (draft.kind !== 'os') return;
    getPosApi()
      .listOsPrinters({})
      .then(setOsPrinters, () => setOsPrinters([]));
  }, [draft.kind]);

  const set = <K extends keyof PrinterDraft>(k: K, v: PrinterDraft[K]) => {
    setDone(false);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const save = async () => {
    setError(null);
    try {
      const next = await getPosApi().updatePrinterSettings(patchOf(draft));
      usePrinter.getState().setSettings(next);
      setDraft(draftOf(next));
      setDone(true);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <fieldset className="card printer-section" data-testid="printer-section">
      <legend>{t('printer.section')}</legend>
      <PrinterStatusRow />
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
