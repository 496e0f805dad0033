import { useT } from '../i18n';
import { useNav, type HistoryTab } from '../stores/nav-store';
import { usePos } from '../stores/pos-store';
import { ReportPanel } from './history/ReportPanel';
import { ReviewPanel } from './history/ReviewPanel';
import { SalesPanel } from './history/SalesPanel';

export function HistoryScreen() {
  const t = useT();
  const tab = useNav((s) => s.historyTab);
  const setTab = useNav((s) => s.setHistoryTab);
  const tabs: HistoryTab[] = ['sales', 'review', 'report'];
  // Main says which business day it is; until it has, there is no "today" to show.
  const today = usePos((s) => s.businessDay?.day ?? null);
  if (!today) return <div className="loading">{t('app.loading')}</div>;
  return (
    <div className="history">
      <div className="subtabs" role="tablist">
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`subtab ${tab === k ? 'subtab-active' : ''}`}
            data-testid={`tab-${k}`}
            onClick={() => setTab(k)}
          >
            {t(`history.tab.${k}`)}
          </button>
        ))}
      </div>
      <div className="history-body">
        {tab === 'sales' && <SalesPanel key={today} today={today} />}
        {tab === 'review' && <ReviewPanel />}
        {tab === 'report' && <ReportPanel key={today} today={today} />}
      </div>
    </div>
  );
}
