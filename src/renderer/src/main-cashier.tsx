import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPosApi } from './api/init-pos-api';
import { setPosApi } from './api/pos-api';
import { CashierApp } from './CashierApp';
import { withOwnerGate } from './lib/owner-gate';
import { unlockAudioOnFirstGesture } from './lib/sound';
import { connectCounterStore } from './stores/counter-store';
import { askOwnerPin } from './stores/owner-gate-store';
import { connectPosStore } from './stores/pos-store';
import { connectItemsStore } from './stores/items-store';
import { connectPrinterStore } from './stores/printer-store';
import { connectSyncStore } from './stores/sync-store';
import { keepQrEncoderWarm } from './lib/qr-encode';
import './styles.css';

unlockAudioOnFirstGesture();
// Owner-only calls refused on a locked till ask for the owner's PIN and go on (main still checks).
const api = withOwnerGate(initPosApi(), askOwnerPin);
setPosApi(api);
connectPosStore(api);
connectPrinterStore(api);
connectSyncStore(api);
connectItemsStore(api);
connectCounterStore(api);
// The first QR of the day, like every other, should not wait for the encoder to compile.
keepQrEncoderWarm();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CashierApp />
  </StrictMode>,
);
