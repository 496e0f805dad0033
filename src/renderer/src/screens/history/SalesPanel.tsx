import { useCallback, useEffect, useState } from 'react';
import type { OrderFilter, OrderView } from '@shared/domain';
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/methods';
import { customerTotal, saleMoney } from '@shared/fees';
import { formatRupiah } from '@shared/money';
import { ORDER_STATES, type OrderState } from '@shared/order-state';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { useNav } from '../../stores/nav-store';
import { usePos } from '../../stores/pos-store';
import { ExportPanel } from './ExportPanel';
import { OrderDetail } from './OrderDetail';
import { TodayTotals } from './TodayTotals';
import { StateBadge } from '../../components/StateBadge';

const PAGE = 50;

/** `today` is main's business day: the list opens on the same day today's totals count. */
export function SalesPanel({ today }: { today: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [state, setState] = useState<OrderState | ''>('');
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<OrderFilter>({ from: today, to: today });
  const [items, setItems] = useState<OrderView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [count, setCount] = useState({ total: 0, capped: false });
  const [error, setError] = useState<ShownError | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // A banner's "View" opens its sale here.
  const focus = useNav((s) => s.focusOrderId);
  useEffect(() => {
    if (!focus) return;
    setOpenId(focus);
    useNav.getState().clearFocus();
  }, [focus]);

  const load = useCallback(async (f: OrderFilter, after: string | null) => {
    setError(null);
    try {
      const page = await getPosApi().listOrders({ filter: f, limit: PAGE, cursor: after });
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setCount({ total: page.total, capped: page.totalCapped === true });
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  // First page again when the filter changes or a sale changes state somewhere.
  useEffect(() => {
    void load(filter, null);
  }, [filter, revision, load]);

  const apply = () => {
    const f: OrderFilter = {};
    if (from) f.from = from;
    if (to) f.to = to;
    if (state) f.states = [state];
    if (method) f.methods = [method];
    if (search.trim()) f.search = search.trim();
    setFilter(f);
  };

  return (
    <div className="sales-panel">
      <TodayTotals />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label className="field">
          <span>{t('history.from')}</span>
          <DateField value={from} onChange={setFrom} testId="filter-from" />
        </label>
        <label className="field">
          <span>{t('history.to')}</span>
          <DateField value={to} onChange={setTo} testId="filter-to" />
        </label>
        <label className="field">
          <span>{t('history.state')}</span>
          <select
            value={state}
            onChange={(e) => setState(e.target.value as OrderState | '')}
            data-testid="filter-state"
          >
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
            value={method}
            onChange={(e) => setMethod(e.target.value as PaymentMethod | '')}
            data-testid="filter-method"
          >
            <option value="">{t('history.all')}</option>
            {PAYMENT_METHODS.map((m) => (
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
            value={search}
            maxLength={64}
            placeholder={t('history.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="filter-search"
          />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="filter-apply">
          {t('history.apply')}
        </button>
      </form>
      {error && <ErrorBox error={error} />}
      <CountLine shown={items.length} {...count} />
      <div className="table-wrap">
        <table className="table" data-testid="history-table">
          <thead>
            <tr>
              <th>{t('history.col.time')}</th>
              <th>{t('history.col.order')}</th>
              <th>{t('history.col.method')}</th>
              <th className="num">{t('history.col.amount')}</th>
              <th className="num">{t('history.col.customerPays')}</th>
              <th className="num">{t('history.col.shopReceives')}</th>
              <th>{t('history.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr
                key={o.orderId}
                className="row-click"
                data-testid="history-row"
                tabIndex={0}
                onClick={() => setOpenId(o.orderId)}
                onKeyDown={(e) => e.key === 'Enter' && setOpenId(o.orderId)}
              >
                <td>{formatDateTime(o.createdAt, lang)}</td>
                <td className="mono">{o.orderId}</td>
                <td>{t(`method.${o.method}`)}</td>
                <td className="num">{formatRupiah(o.price)}</td>
                <MoneyCells order={o} />
                <td>
                  <StateBadge state={o.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && !error && <p className="empty">{t('history.empty')}</p>}
      </div>
      {cursor && (
        <button type="button" className="btn" data-testid="load-more" onClick={() => void load(filter, cursor)}>
          {t('history.loadMore')}
        </button>
      )}
      <ExportPanel filter={filter} />
      {openId && <OrderDetail orderId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}

/** What the customer was asked (or paid) and, once paid, what reached the shop. */
function MoneyCells({ order }: { order: OrderView }) {
  const m = saleMoney(order);
  const received = order.state === 'paid' ? m.shopReceives : null;
  const asked = customerTotal(order);
  return (
    <>
      <td className="num" data-testid="row-customer-pays">
        {asked.amount === null ? '—' : `${asked.atMost ? '≤ ' : ''}${formatRupiah(asked.amount)}`}
      </td>
      <td className="num" data-testid="row-shop-receives">
        {received === null ? '—' : formatRupiah(received)}
      </td>
    </>
  );
}

/** "50 of 1,234 sales", or for a search past its count's cap "50 of more than 1,000 sales". */
function CountLine({ shown, total, capped }: { shown: number; total: number; capped: boolean }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="list-meta" data-testid="history-count">
      {t(capped ? 'history.countMore' : 'history.count', {
        shown: formatCount(shown, lang),
        total: formatCount(total, lang),
      })}
    </div>
  );
}
