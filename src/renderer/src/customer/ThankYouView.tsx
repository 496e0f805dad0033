import type { OrderView } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { useT } from '../i18n';
import { centeredLayout, type Block } from '../lib/customer-layout';
import { paidLines } from '../lib/customer-lines';

/** The total and, for cash, the change are the largest text: both are what the customer checks. */
const big = (kind: string) => kind === 'total' || kind === 'change';

/** After a verified payment: thanks, the amount(s), the shop's name. */
export function ThankYouView({
  order,
  shopName,
  width,
  height,
}: {
  order: OrderView;
  shopName: string;
  width: number;
  height: number;
}) {
  const t = useT();
  // A cash sale shows what was handed over and the change, as big as the cashier sees it.
  const lines = paidLines(order, order.cash ?? undefined);
  const icon = Math.floor(Math.min(width, height) * 0.2);
  const blocks: Block[] = [
    { role: 'text', text: t('customer.thanks') },
    { role: 'label', text: t('customer.received') },
    ...lines.flatMap((l): Block[] => [
      { role: 'small', text: t(`customer.line.${l.kind}`) },
      { role: big(l.kind) ? 'total' : 'text', text: formatRupiah(l.amount) },
    ]),
    ...(shopName ? [{ role: 'small' as const, text: shopName }] : []),
  ];
  const layout = centeredLayout(width, height, blocks, icon);
  const { fonts } = layout;
  return (
    <div className="cust-center" style={{ padding: layout.pad, gap: layout.gap }}>
      <div className="cust-icon" aria-hidden="true" style={{ width: icon, height: icon }}>
        {/* Drawn, not a glyph: the mark is a picture, and the total stays the largest text. */}
        <svg viewBox="0 0 24 24" width="60%" height="60%" fill="none" stroke="currentColor" strokeWidth="3.2">
          <path d="M4.5 12.5l5 5 10-11" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <div className="cust-thanks" style={{ fontSize: fonts.text }}>
        {t('customer.thanks')}
      </div>
      <div className="cust-message" style={{ fontSize: fonts.label }}>
        {t('customer.received')}
      </div>
      <div className="cust-lines" data-testid="customer-lines">
        {lines.map((l) => (
          <div key={l.kind} className={`cust-line cust-line-${l.kind}`} data-testid={`customer-line-${l.kind}`}>
            <span className="cust-line-label" style={{ fontSize: fonts.small }}>
              {t(`customer.line.${l.kind}`)}
            </span>
            <span
              className="cust-line-amount"
              data-testid={l.kind === 'total' ? 'customer-total' : undefined}
              style={{ fontSize: big(l.kind) ? fonts.total : fonts.text }}
            >
              {formatRupiah(l.amount)}
            </span>
          </div>
        ))}
      </div>
      {shopName && (
        <div className="cust-shop-small" style={{ fontSize: fonts.small }}>
          {shopName}
        </div>
      )}
    </div>
  );
}
