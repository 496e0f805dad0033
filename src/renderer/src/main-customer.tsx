import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPosApi } from './api/init-pos-api';
import { CustomerApp } from './customer/CustomerApp';
import { connectCartView } from './stores/items-store';
import { connectPosStore } from './stores/pos-store';
import './styles.css';

const api = initPosApi();
connectPosStore(api);
connectCartView(api);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CustomerApp />
  </StrictMode>,
);
