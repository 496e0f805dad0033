import { useT } from '../i18n';
import { useNav, type HistoryTab } from '../stores/nav-store';
import { ReportPanel } from './history/ReportPanel';
import { ReviewPanel } from './history/ReviewPanel';
import { SalesPanel } from './history/SalesPanel';

export function HistoryScreen() {
  const t = useT();
  const tab = useNav((s) => s.historyTab);
  const setTab = useNav((s) => s.setHistoryTab);
  const tabs: HistoryTab[] = ['sales', 'review', 'report'];
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
        {tab === 'sales' && <SalesPanel />}
        {tab === 'review' && <ReviewPanel />}
        {tab === 'report' && <ReportPanel />}
      </div>
    </div>
  );
}
