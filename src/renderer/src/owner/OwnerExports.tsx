import type { OwnerOrderFilter } from '@shared/owner/contract';
import { sheetHolds } from '@shared/sheet-limit';
import { useLanguage, useT } from '../i18n';
import { formatCount } from '../lib/format';
import { ownerApi } from '../stores/owner-store';

interface Props {
  filter: OwnerOrderFilter;
  total: number;
  /** The most sales one Excel download holds (the server's overview says). */
  xlsxRows: number;
}

/**
 * The history's downloads: the sales it lists (one row per payment part, cash parts with what
 * was handed over and the change) and the refunds and voids of the same day and till. A list
 * longer than one Excel sheet is offered as CSV only, with the reason: Excel would drop the
 * rows past its last one without the owner noticing.
 */
export function OwnerExports({ filter, total, xlsxRows }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const xlsxFits = sheetHolds(total, xlsxRows);
  return (
    <section className="export-panel">
      <h3>{t('owner.export.title')}</h3>
      <p className="hint">{t('owner.export.hint', { total: formatCount(total, lang) })}</p>
      <div className="export-row">
        {(['csv', 'xlsx'] as const).map((format) =>
          format === 'xlsx' && !xlsxFits ? (
            <button key={format} type="button" className="btn" disabled data-testid={`owner-export-${format}`}>
              {t(`owner.export.${format}`)}
            </button>
          ) : (
            <a
              key={format}
              className="btn"
              href={ownerApi().exportUrl({ ...filter, format })}
              download
              data-testid={`owner-export-${format}`}
            >
              {t(`owner.export.${format}`)}
            </a>
          ),
        )}
      </div>
      {!xlsxFits && (
        <p className="hint export-too-large" role="status" data-testid="owner-export-too-large">
          {t('owner.export.tooLarge', { limit: formatCount(xlsxRows, lang) })}
        </p>
      )}
      <p className="hint">{t('owner.export.refundsHint')}</p>
      <div className="export-row">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a
            key={format}
            className="btn"
            href={ownerApi().refundExportUrl({ ...filter, format })}
            download
            data-testid={`owner-export-refunds-${format}`}
          >
            {t(`owner.export.refunds.${format}`)}
          </a>
        ))}
      </div>
    </section>
  );
}
