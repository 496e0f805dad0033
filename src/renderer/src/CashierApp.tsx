import { AlertBanners } from './components/AlertBanners';
import { Announcer } from './components/Announcer';
import { ConnectivityBanner, ModeBanner, SandboxBadge } from './components/Banners';
import { PrinterBanner } from './components/PrinterBanner';
import { SyncBanner } from './components/SyncBanner';
import { useT } from './i18n';
import { useNav, type Tab } from './stores/nav-store';
import { usePos } from './stores/pos-store';
import { HistoryScreen } from './screens/HistoryScreen';
import { SaleScreen } from './screens/SaleScreen';
import { SettingsScreen } from './screens/SettingsScreen';

export function CashierApp() {
  const t = useT();
  const tab = useNav((s) => s.tab);
  const go = useNav((s) => s.go);
  const settings = usePos((s) => s.settings);
  const conn = usePos((s) => s.connectivity.state);
  const tabs: Tab[] = ['sale', 'history', 'settings'];
  return (
    <div className="app cashier">
      <ModeBanner />
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">{settings?.shopName || t('app.title')}</span>
          <SandboxBadge />
        </div>
        <nav className="nav" aria-label="main">
          {tabs.map((k) => (
            <button
              key={k}
              type="button"
              className={`nav-btn ${tab === k ? 'nav-active' : ''}`}
              data-testid={`nav-${k}`}
              aria-current={tab === k ? 'page' : undefined}
              onClick={() => go(k)}
            >
              {t(`nav.${k}`)}
            </button>
          ))}
        </nav>
        <div className={`conn conn-${conn}`} data-testid="connectivity" data-state={conn}>
          <span className="live-dot" aria-hidden="true" />
          {t(`conn.${conn}`)}
        </div>
      </header>
      <ConnectivityBanner />
      <AlertBanners />
      <PrinterBanner />
      <SyncBanner />
      <main className="content">
        {!settings ? (
          <div className="loading">{t('app.loading')}</div>
        ) : tab === 'sale' ? (
          <SaleScreen />
        ) : tab === 'history' ? (
          <HistoryScreen />
        ) : (
          <SettingsScreen />
        )}
      </main>
      <Announcer />
    </div>
  );
}
