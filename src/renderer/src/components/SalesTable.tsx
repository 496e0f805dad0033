import type { KeyboardEvent } from 'react';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/format';
import { saleRowMoney, type SaleRowInput } from '../lib/sale-row';
import { StateBadge } from './StateBadge';

interface SalesTableProps<R extends SaleRowInput> {
  rows: R[];
  rowKey: (row: R) => string;
  /** Shown when the list is empty (and no error stands in its place). */
  showEmpty: boolean;
  testIds: { table: string; row: string; customerPays?: string; shopReceives: string };
  /** The shop's zone for the time column; the machine's when absent (the till is in the shop). */
  timeZone?: string;
  /** The owner's list over every till names the till of each sale. */
  till?: (row: R) => { id: string; name: string };
  /** A row opens its sale when this is given (click or Enter). */
  onOpen?: (row: R) => void;
  /** Extra class on the table, and on the columns a narrow screen may drop. */
  className?: string;
  narrowHidden?: string;
}

/** The sales of a history list: time, order, method, money and state, one row a sale. */
export function SalesTable<R extends SaleRowInput>(props: SalesTableProps<R>) {
  const { rows, rowKey, showEmpty, testIds, timeZone, till, onOpen, className, narrowHidden } = props;
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const wide = (base?: string) => [base, narrowHidden].filter(Boolean).join(' ') || undefined;
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'} data-testid={testIds.table}>
        <thead>
          <tr>
            <th>{t('history.col.time')}</th>
            {till && <th>{t('owner.till')}</th>}
            <th className={wide()}>{t('history.col.order')}</th>
            <th className={wide()}>{t('history.col.method')}</th>
            <th className={wide('num')}>{t('history.col.amount')}</th>
            <th className={wide('num')}>{t('history.col.customerPays')}</th>
            <th className="num">{t('history.col.shopReceives')}</th>
            <th>{t('history.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => {
            const money = saleRowMoney(o);
            const from = till?.(o);
            return (
              <tr
                key={rowKey(o)}
                data-testid={testIds.row}
                {...(from ? { 'data-till': from.id } : {})}
                {...(onOpen
                  ? {
                      className: 'row-click',
                      tabIndex: 0,
                      onClick: () => onOpen(o),
                      onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && onOpen(o),
                    }
                  : {})}
              >
                <td>{formatDateTime(o.createdAt, lang, timeZone)}</td>
                {from && <td>{from.name}</td>}
                <td className={wide('mono')}>{o.orderId}</td>
                <td className={wide()}>{t(`method.${o.method}`)}</td>
                <td className={wide('num')}>{money.price}</td>
                <td className={wide('num')} data-testid={testIds.customerPays}>
                  {money.customerPays}
                </td>
                <td className="num" data-testid={testIds.shopReceives}>
                  {money.shopReceives}
                </td>
                <td>
                  <StateBadge state={o.state} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {showEmpty && rows.length === 0 && <p className="empty">{t('history.empty')}</p>}
    </div>
  );
}
