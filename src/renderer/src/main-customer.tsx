import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPosApi } from './api/init-pos-api';
import { CustomerApp } from './customer/CustomerApp';
import { connectCartView } from './stores/items-store';
import { connectPosStore } from './stores/pos-store';
import { keepQrEncoderWarm } from './lib/qr-encode';
import './styles.css';

const api = initPosApi();
connectPosStore(api);
connectCartView(api);
// The first QR of the day, like every other, should not wait for the encoder to compile.
keepQrEncoderWarm();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CustomerApp />
  </StrictMode>,
);
