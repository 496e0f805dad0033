import { useEffect } from 'react';
import { useLanguage, useT } from '../i18n';
import { useOwner, type OwnerPage } from '../stores/owner-store';
import { OwnerHistory } from './OwnerHistory';
import { OwnerReconcile } from './OwnerReconcile';
import { OwnerReport } from './OwnerReport';
import { OwnerTills } from './OwnerTills';
import { OwnerZReport } from './OwnerZReport';
import { SignInScreen } from './SignInScreen';

const PAGES: OwnerPage[] = ['history', 'report', 'z', 'reconcile', 'tills'];

/** The owner's page on the shop server: every till's sales, reports, reconciliation and the tills. */
export function OwnerApp() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const status = useOwner((s) => s.status);
  const page = useOwner((s) => s.page);
  const overview = useOwner((s) => s.overview);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('owner.title');
  }, [lang, t]);
  const switchLanguage = () => {
    const next = lang === 'id' ? 'en' : 'id';
    useLanguage.getState().setLang(next);
    localStorage.setItem('owner-lang', next);
  };
  return (
    <div className="app owner-app" data-testid="owner-app" data-status={status}>
      <header className="topbar owner-topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">{t('owner.title')}</span>
        </div>
        {status === 'signed_in' && (
          <nav className="nav" aria-label="owner">
            {PAGES.map((k) => (
              <button
                key={k}
                type="button"
                className={`nav-btn ${page === k ? 'nav-active' : ''}`}
                data-testid={`owner-nav-${k}`}
                aria-current={page === k ? 'page' : undefined}
                onClick={() => useOwner.getState().show(k)}
              >
                {t(`owner.nav.${k}`)}
              </button>
            ))}
          </nav>
        )}
        <div className="owner-actions">
          <button type="button" className="link-btn" onClick={switchLanguage} data-testid="owner-language">
            {/* The other language, named in itself. */}
            {t(lang === 'id' ? 'lang.en' : 'lang.id')}
          </button>
          {status === 'signed_in' && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void useOwner.getState().signOut()}
              data-testid="owner-sign-out"
            >
              {t('owner.signOut')}
            </button>
          )}
        </div>
      </header>
      <div className="content">
        {status === 'loading' && <p className="loading">{t('app.loading')}</p>}
        {status === 'off' && <p className="owner-message warn-text">{t('owner.off')}</p>}
        {status === 'unreachable' && <p className="owner-message warn-text">{t('owner.error.unreachable')}</p>}
        {status === 'signed_out' && <SignInScreen />}
        {status === 'signed_in' && overview && (
          <>
            {page === 'history' && <OwnerHistory overview={overview} />}
            {page === 'report' && <OwnerReport overview={overview} />}
            {page === 'z' && <OwnerZReport overview={overview} />}
            {page === 'reconcile' && <OwnerReconcile overview={overview} />}
            {page === 'tills' && <OwnerTills overview={overview} />}
          </>
        )}
      </div>
    </div>
  );
}
