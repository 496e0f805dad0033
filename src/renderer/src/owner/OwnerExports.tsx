import type { OwnerOrderFilter } from '@shared/owner/contract';
import { useLanguage, useT } from '../i18n';
import { formatCount } from '../lib/format';
import { ownerApi } from '../stores/owner-store';

/**
 * The history's downloads: the sales it lists (one row per payment part, cash parts with what
 * was handed over and the change) and the refunds and voids of the same day and till.
 */
export function OwnerExports({ filter, total }: { filter: OwnerOrderFilter; total: number }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="export-panel">
      <h3>{t('owner.export.title')}</h3>
      <p className="hint">{t('owner.export.hint', { total: formatCount(total, lang) })}</p>
      <div className="export-row">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a
            key={format}
            className="btn"
            href={ownerApi().exportUrl({ ...filter, format })}
            download
            data-testid={`owner-export-${format}`}
          >
            {t(`owner.export.${format}`)}
          </a>
        ))}
      </div>
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
