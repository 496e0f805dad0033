import { useCallback, useEffect, useState } from 'react';
import { customerTotal, saleMoney } from '@shared/fees';
import { SALE_METHODS } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { ORDER_STATES } from '@shared/order-state';
import type { OwnerOrderFilter, OwnerOrderRow, OwnerOverview } from '@shared/owner/contract';
import { DateField } from '../components/DateField';
import { ErrorBox } from '../components/ErrorBox';
import { StateBadge } from '../components/StateBadge';
import { useLanguage, useT } from '../i18n';
import { formatCount, formatDateTime } from '../lib/format';
import { filterFromForm, type OwnerFilterForm } from '../lib/owner-query';
import { ownerErrorText } from '../lib/owner-view';
import { ownerApi } from '../stores/owner-store';
import { OwnerExports } from './OwnerExports';
import { TillSelect } from './TillSelect';

const PAGE = 50;

/** Every till's sales, newest first; the exports below hold exactly the rows the filter lists. */
export function OwnerHistory({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [form, setForm] = useState<OwnerFilterForm>({
    day: overview.today,
    tillId: '',
    state: '',
    method: '',
    search: '',
  });
  const [filter, setFilter] = useState<OwnerOrderFilter>(filterFromForm(form));
  const [items, setItems] = useState<OwnerOrderRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ReturnType<typeof ownerErrorText> | null>(null);
  const field = (k: keyof OwnerFilterForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const load = useCallback(async (f: OwnerOrderFilter, after: string | null) => {
    setError(null);
    try {
      const page = await ownerApi().listOrders({ ...f, limit: PAGE, ...(after ? { cursor: after } : {}) });
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setTotal(page.total);
    } catch (e) {
      setError(ownerErrorText(e));
    }
  }, []);
  useEffect(() => {
    void load(filter, null);
  }, [filter, load]);

  return (
    <div className="owner-page" data-testid="owner-history">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(filterFromForm(form));
        }}
      >
        <label className="field">
          <span>{t('owner.day')}</span>
          <DateField value={form.day} onChange={field('day')} testId="owner-filter-day" />
        </label>
        <label className="field">
          <span>{t('owner.till')}</span>
          <TillSelect
            tills={overview.tills}
            value={form.tillId}
            onChange={field('tillId')}
            testId="owner-filter-till"
          />
        </label>
        <label className="field">
          <span>{t('history.state')}</span>
          <select value={form.state} onChange={(e) => field('state')(e.target.value)} data-testid="owner-filter-state">
            <option value="">{t('history.all')}</option>
            {ORDER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('history.method')}</span>
          <select
            value={form.method}
            onChange={(e) => field('method')(e.target.value)}
            data-testid="owner-filter-method"
          >
            <option value="">{t('history.all')}</option>
            {SALE_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          <span>{t('history.search')}</span>
          <input
            type="search"
            value={form.search}
            maxLength={64}
            placeholder={t('owner.history.searchPlaceholder')}
            onChange={(e) => field('search')(e.target.value)}
            data-testid="owner-filter-search"
          />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="owner-filter-apply">
          {t('history.apply')}
        </button>
      </form>
      {error && <ErrorBox error={error} />}
      <div className="list-meta" data-testid="owner-history-count">
        {t('history.count', { shown: formatCount(items.length, lang), total: formatCount(total, lang) })}
      </div>
      <div className="table-wrap">
        <table className="table owner-table" data-testid="owner-history-table">
          <thead>
            <tr>
              <th>{t('history.col.time')}</th>
              <th>{t('owner.till')}</th>
              <th className="owner-col-wide">{t('history.col.order')}</th>
              <th className="owner-col-wide">{t('history.col.method')}</th>
              <th className="num owner-col-wide">{t('history.col.amount')}</th>
              <th className="num owner-col-wide">{t('history.col.customerPays')}</th>
              <th className="num">{t('history.col.shopReceives')}</th>
              <th>{t('history.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <OrderRow key={`${o.tillId}/${o.orderId}`} order={o} timeZone={overview.timeZone} />
            ))}
          </tbody>
        </table>
        {items.length === 0 && !error && <p className="empty">{t('history.empty')}</p>}
      </div>
      {cursor && (
        <button type="button" className="btn" data-testid="owner-load-more" onClick={() => void load(filter, cursor)}>
          {t('history.loadMore')}
        </button>
      )}
      <OwnerExports filter={filter} total={total} />
    </div>
  );
}

function OrderRow({ order, timeZone }: { order: OwnerOrderRow; timeZone: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  // Sales from before round prices and the fee choice: the amount was the price, the shop bore the fee.
  const sale = { ...order, price: order.price ?? order.amount, feePayer: order.feePayer ?? ('shop' as const) };
  const money = saleMoney(sale);
  const asked = customerTotal(sale);
  return (
    <tr data-testid="owner-history-row" data-till={order.tillId}>
      <td>{formatDateTime(order.createdAt, lang, timeZone)}</td>
      <td>{order.tillName}</td>
      <td className="mono owner-col-wide">{order.orderId}</td>
      <td className="owner-col-wide">{t(`method.${order.method}`)}</td>
      <td className="num owner-col-wide">{formatRupiah(sale.price)}</td>
      <td className="num owner-col-wide">
        {asked.amount === null ? '—' : `${asked.atMost ? '≤ ' : ''}${formatRupiah(asked.amount)}`}
      </td>
      <td className="num" data-testid="owner-row-shop-receives">
        {order.state === 'paid' && money.shopReceives !== null ? formatRupiah(money.shopReceives) : '—'}
      </td>
      <td>
        <StateBadge state={order.state} />
      </td>
    </tr>
  );
}
