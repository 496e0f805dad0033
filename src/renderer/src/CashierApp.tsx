import { useState } from 'react';
import { AccessBar } from './components/AccessBar';
import { AlertBanners } from './components/AlertBanners';
import { Announcer } from './components/Announcer';
import { OwnerGateHost } from './components/OwnerGateHost';
import { ConnectivityBanner, ModeBanner, SandboxBadge, StorageBanner } from './components/Banners';
import { PrinterBanner } from './components/PrinterBanner';
import { SyncBanner } from './components/SyncBanner';
import { useT } from './i18n';
import { journalBlocksCounter, journalNeedsOwner } from './lib/journal-view';
import { useNav, type Tab } from './stores/nav-store';
import { usePos } from './stores/pos-store';
import { JournalBanner } from './screens/journal/JournalBanner';
import { JournalScreen } from './screens/journal/JournalScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { SaleScreen } from './screens/SaleScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ShiftScreen } from './screens/ShiftScreen';

export function CashierApp() {
  const t = useT();
  const tab = useNav((s) => s.tab);
  const go = useNav((s) => s.go);
  const settings = usePos((s) => s.settings);
  const conn = usePos((s) => s.connectivity.state);
  const journal = usePos((s) => s.journal);
  const [journalShown, setJournalShown] = useState(false);
  const tabs: Tab[] = ['sale', 'shift', 'history', 'settings'];
  // While the journal is closed, sales and history give way to the owner's journal screen;
  // settings stay reachable.
  const journalScreen =
    journal && tab !== 'settings' && (journalBlocksCounter(journal) || (journalShown && journalNeedsOwner(journal)));
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
        <AccessBar />
        <div className={`conn conn-${conn}`} data-testid="connectivity" data-state={conn}>
          <span className="live-dot" aria-hidden="true" />
          {t(`conn.${conn}`)}
        </div>
      </header>
      <StorageBanner />
      <ConnectivityBanner />
      <AlertBanners />
      <PrinterBanner />
      <SyncBanner />
      <JournalBanner
        onOpen={() => {
          setJournalShown(true);
          if (tab === 'settings') go('sale');
        }}
      />
      <main className="content">
        {!settings ? (
          <div className="loading">{t('app.loading')}</div>
        ) : journalScreen ? (
          <JournalScreen
            status={journal}
            onBack={journalBlocksCounter(journal) ? undefined : () => setJournalShown(false)}
          />
        ) : tab === 'sale' ? (
          <SaleScreen />
        ) : tab === 'shift' ? (
          <ShiftScreen />
        ) : tab === 'history' ? (
          <HistoryScreen />
        ) : (
          <SettingsScreen />
        )}
      </main>
      <Announcer />
      <OwnerGateHost />
    </div>
  );
}
