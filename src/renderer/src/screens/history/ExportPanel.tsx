import { useState } from 'react';
import type { OrderFilter } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../lib/use-action';
import { usePos } from '../../stores/pos-store';
import { JobProgressView } from './JobProgressView';

export function ExportPanel({ filter }: { filter: OrderFilter }) {
  const t = useT();
  const defaultDelimiter = usePos((s) => s.settings?.csvDelimiter ?? ';');
  const [delimiter, setDelimiter] = useState<';' | ','>(defaultDelimiter);
  const [jobId, setJobId] = useState<string | null>(null);
  const { error, run: start } = useAction(async (format: 'csv' | 'xlsx' | 'jsonl') => {
    const job = await getPosApi().startExport(format === 'csv' ? { format, delimiter, filter } : { format, filter });
    usePos.getState().jobProgress(job);
    setJobId(job.jobId);
  });
  return (
    <section className="export-panel" aria-label={t('export.title')}>
      <h3>{t('export.sales')}</h3>
      <div className="export-row">
        <label className="field field-inline">
          <span>{t('export.delimiter')}</span>
          <select
            value={delimiter}
            onChange={(e) => setDelimiter(e.target.value as ';' | ',')}
            data-testid="export-delimiter"
          >
            <option value=";">{t('export.delimiterSemicolon')}</option>
            <option value=",">{t('export.delimiterComma')}</option>
          </select>
        </label>
        <button type="button" className="btn" data-testid="export-csv" onClick={() => void start('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" className="btn" data-testid="export-xlsx" onClick={() => void start('xlsx')}>
          {t('export.xlsx')}
        </button>
        <button type="button" className="btn" data-testid="export-jsonl" onClick={() => void start('jsonl')}>
          {t('export.jsonl')}
        </button>
      </div>
      {error && <ErrorBox error={error} />}
      {jobId && <JobProgressView jobId={jobId} />}
    </section>
  );
}
