import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPosApi } from './api/select';
import { CashierApp } from './CashierApp';
import { unlockAudioOnFirstGesture } from './lib/sound';
import { connectPosStore } from './stores/pos-store';
import './styles.css';

unlockAudioOnFirstGesture();
connectPosStore(initPosApi());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CashierApp />
  </StrictMode>,
);
