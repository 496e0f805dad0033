import { useState } from 'react';
import type { ConnectionTestResult } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../lib/use-action';

export function TestConnection({ onResult }: { onResult: (r: ConnectionTestResult | null) => void }) {
  const t = useT();
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const { busy, error, run } = useAction(async () => {
    setResult(null);
    onResult(null);
    const r = await getPosApi().testConnection({});
    setResult(r);
    onResult(r);
  });
  return (
    <div className="test-connection">
      <button type="button" className="btn" disabled={busy} onClick={() => void run()} data-testid="test-connection">
        {busy ? t('settings.testing') : t('settings.test')}
      </button>
      {result && (
        <div
          className={result.ok ? 'verdict verdict-ok' : 'verdict verdict-bad'}
          data-testid="test-result"
          data-code={result.code}
        >
          {t(`test.${result.code}`)}
          {result.latencyMs !== null ? ` (${t('settings.latency', { ms: result.latencyMs })})` : ''}
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
