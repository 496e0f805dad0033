import { useState } from 'react';
import type { TestPrintResult } from '@shared/printing';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { patchOf, type PrinterDraft } from '../../lib/printer-view';
import { useAction } from '../../lib/use-action';

export function TestPrint({ draft }: { draft: PrinterDraft }) {
  const t = useT();
  const [result, setResult] = useState<TestPrintResult | null>(null);
  // The form as it stands is tested, saved or not: the owner tries a printer before keeping it.
  const { busy, error, run } = useAction(async () => {
    setResult(null);
    const { target, paperWidth } = patchOf(draft);
    setResult(await getPosApi().testPrint({ target, paperWidth }));
  });
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
