import type { SaleLineView } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';

/** What was sold, as it was sold: the names and prices the sale kept, whatever the list says now. */
export function SaleLines({ lines, total }: { lines: SaleLineView[]; total: number }) {
  const t = useT();
  return (
    <table className="table sale-lines" data-testid="detail-lines">
      <thead>
        <tr>
          <th>{t('items.col.item')}</th>
          <th className="num">{t('items.col.qty')}</th>
          <th className="num">{t('items.col.price')}</th>
          <th className="num">{t('items.col.total')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i} data-testid="detail-line">
            <td>{l.name}</td>
            <td className="num">{l.qty}</td>
            <td className="num">{formatRupiah(l.unitPrice)}</td>
            <td className="num">{formatRupiah(l.total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>{t('items.col.sum')}</td>
          <td className="num">
            <b>{formatRupiah(total)}</b>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
