import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createOwnerApi } from './api/owner-api';
import { useLanguage } from './i18n';
import { OwnerApp } from './owner/OwnerApp';
import { setOwnerApi, useOwner } from './stores/owner-store';
import './styles.css';
import './owner/owner.css';

// The page is served by the shop server itself, so its API is this page's own origin.
setOwnerApi(createOwnerApi('', { onSignedOut: () => useOwner.getState().signedOut() }));
const saved = localStorage.getItem('owner-lang');
if (saved === 'id' || saved === 'en') useLanguage.getState().setLang(saved);
void useOwner.getState().start();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OwnerApp />
  </StrictMode>,
);
