import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPosApi } from './api/select';
import { CustomerApp } from './customer/CustomerApp';
import { connectPosStore } from './stores/pos-store';
import './styles.css';

connectPosStore(initPosApi());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CustomerApp />
  </StrictMode>,
);
