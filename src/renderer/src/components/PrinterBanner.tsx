import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { bannerOf } from '../lib/printer-view';
import { usePrinter } from '../stores/printer-store';
import '../screens/settings/printer-section.css';

/** Receipts are waiting because of a printer problem: say why, and offer to try again. */
export function PrinterBanner() {
  const t = useT();
  const banner = bannerOf(usePrinter((s) => s.status));
  if (!banner) return null;
  return (
    <div className="printer-banner" data-testid="printer-banner" role="status">
      <span>{t('printer.banner', { n: banner.waiting, problem: t(banner.problemKey) })}</span>
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          void getPosApi()
            .retryPrinting({})
            .then(usePrinter.getState().setStatus, () => undefined)
        }
      >
        {t('printer.retry')}
      </button>
    </div>
  );
}
