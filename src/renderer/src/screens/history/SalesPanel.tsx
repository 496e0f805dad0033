import { useEffect, useState } from 'react';
import type { OrderFilter, OrderView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { DateField } from '../../components/DateField';
import { ErrorBox } from '../../components/ErrorBox';
import { MethodFilter, SearchFilter, StateFilter } from '../../components/SaleFilterFields';
import { SalesTable } from '../../components/SalesTable';
import { describeError } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { historyFilter, type HistoryFilterForm } from '../../lib/sale-row';
import { usePagedList } from '../../lib/use-paged-list';
import { useNav } from '../../stores/nav-store';
import { usePos } from '../../stores/pos-store';
import { ExportPanel } from './ExportPanel';
import { OrderDetail } from './OrderDetail';
import { TodayTotals } from './TodayTotals';

const PAGE = 50;

const fetchPage = (filter: OrderFilter, cursor: string | null) =>
  getPosApi().listOrders({ filter, limit: PAGE, cursor });

/** `today` is main's business day: the list opens on the same day today's totals count. */
export function SalesPanel({ today }: { today: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const [form, setForm] = useState<HistoryFilterForm>({ from: today, to: today, state: '', method: '', search: '' });
  const [filter, setFilter] = useState<OrderFilter>({ from: today, to: today });
  // The first page again when the filter changes or a sale changes state somewhere.
  const list = usePagedList(filter, fetchPage, describeError, revision);
  const [openId, setOpenId] = useState<string | null>(null);
  // A banner's "View" opens its sale here.
  const focus = useNav((s) => s.focusOrderId);
  useEffect(() => {
    if (!focus) return;
    setOpenId(focus);
    useNav.getState().clearFocus();
  }, [focus]);
  const field =
    <K extends keyof HistoryFilterForm>(k: K) =>
    (v: string) =>
      setForm((f) => ({ ...f, [k]: v as HistoryFilterForm[K] }));

  return (
    <div className="sales-panel">
      <TodayTotals />
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(historyFilter(form));
        }}
      >
        <label className="field">
          <span>{t('history.from')}</span>
          <DateField value={form.from} onChange={field('from')} testId="filter-from" />
        </label>
        <label className="field">
          <span>{t('history.to')}</span>
          <DateField value={form.to} onChange={field('to')} testId="filter-to" />
        </label>
        <StateFilter value={form.state} onChange={field('state')} testId="filter-state" />
        <MethodFilter value={form.method} onChange={field('method')} testId="filter-method" />
        <SearchFilter
          value={form.search}
          onChange={field('search')}
          testId="filter-search"
          placeholder="history.searchPlaceholder"
        />
        <button type="submit" className="btn btn-primary" data-testid="filter-apply">
          {t('history.apply')}
        </button>
      </form>
      {list.error && <ErrorBox error={list.error} />}
      <div className="list-meta" data-testid="history-count">
        {/* A search past its count's cap says "more than 1,000" rather than a number it did not count. */}
        {t(list.capped ? 'history.countMore' : 'history.count', {
          shown: formatCount(list.items.length, lang),
          total: formatCount(list.total, lang),
        })}
      </div>
      <SalesTable<OrderView>
        rows={list.items}
        rowKey={(o) => o.orderId}
        showEmpty={!list.error}
        testIds={{
          table: 'history-table',
          row: 'history-row',
          customerPays: 'row-customer-pays',
          shopReceives: 'row-shop-receives',
        }}
        onOpen={(o) => setOpenId(o.orderId)}
      />
      {list.more && (
        <button type="button" className="btn" data-testid="load-more" onClick={list.more}>
          {t('history.loadMore')}
        </button>
      )}
      <ExportPanel filter={filter} />
      {openId && <OrderDetail orderId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
