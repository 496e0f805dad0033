import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPosApi } from './api/init-pos-api';
import { CashierApp } from './CashierApp';
import { unlockAudioOnFirstGesture } from './lib/sound';
import { connectPosStore } from './stores/pos-store';
import { connectItemsStore } from './stores/items-store';
import { connectPrinterStore } from './stores/printer-store';
import { connectSyncStore } from './stores/sync-store';
import './styles.css';

unlockAudioOnFirstGesture();
const api = initPosApi();
connectPosStore(api);
connectPrinterStore(api);
connectSyncStore(api);
connectItemsStore(api);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CashierApp />
  </StrictMode>,
);
