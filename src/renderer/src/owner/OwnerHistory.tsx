import { useState } from 'react';
import type { OwnerOrderFilter, OwnerOrderRow, OwnerOverview } from '@shared/owner/contract';
import { DateField } from '../components/DateField';
import { ErrorBox } from '../components/ErrorBox';
import { MethodFilter, SearchFilter, StateFilter } from '../components/SaleFilterFields';
import { SalesTable } from '../components/SalesTable';
import { useLanguage, useT } from '../i18n';
import { formatCount } from '../lib/format';
import { filterFromForm, type OwnerFilterForm } from '../lib/owner-query';
import { ownerErrorText } from '../lib/owner-view';
import { usePagedList } from '../lib/use-paged-list';
import { ownerApi } from '../stores/owner-store';
import { OwnerExports } from './OwnerExports';
import { TillSelect } from './TillSelect';

const PAGE = 50;

const fetchPage = (filter: OwnerOrderFilter, cursor: string | null) =>
  ownerApi().listOrders({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) });

/** Every till's sales, newest first, in the same table as a till's own history. */
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
  const list = usePagedList(filter, fetchPage, ownerErrorText);
  const field = (k: keyof OwnerFilterForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

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
        <StateFilter value={form.state} onChange={field('state')} testId="owner-filter-state" />
        <MethodFilter value={form.method} onChange={field('method')} testId="owner-filter-method" />
        <SearchFilter
          value={form.search}
          onChange={field('search')}
          testId="owner-filter-search"
          placeholder="owner.history.searchPlaceholder"
        />
        <button type="submit" className="btn btn-primary" data-testid="owner-filter-apply">
          {t('history.apply')}
        </button>
      </form>
      {list.error && <ErrorBox error={list.error} />}
      <div className="list-meta" data-testid="owner-history-count">
        {t('history.count', { shown: formatCount(list.items.length, lang), total: formatCount(list.total, lang) })}
      </div>
      <SalesTable<OwnerOrderRow>
        rows={list.items}
        rowKey={(o) => `${o.tillId}/${o.orderId}`}
        showEmpty={!list.error}
        testIds={{ table: 'owner-history-table', row: 'owner-history-row', shopReceives: 'owner-row-shop-receives' }}
        timeZone={overview.timeZone}
        till={(o) => ({ id: o.tillId, name: o.tillName })}
        className="owner-table"
        narrowHidden="owner-col-wide"
      />
      {list.more && (
        <button type="button" className="btn" data-testid="owner-load-more" onClick={list.more}>
          {t('history.loadMore')}
        </button>
      )}
      <OwnerExports filter={filter} total={list.total} xlsxRows={overview.xlsxRows} />
    </div>
  );
}
