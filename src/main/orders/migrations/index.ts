import { sql as orders } from './001-orders';
import { sql as reconciliations } from './002-reconciliations';
import { sql as revision } from './003-order-revision';
import { sql as salePrice } from './004-sale-price';
import { sql as printJobs } from './005-print-jobs';
import { sql as syncOutbox } from './006-sync-outbox';
import { sql as saleBaseUrl } from './007-sale-base-url';
import { sql as quickItems } from './008-quick-items';
import { sql as historySpeed } from './009-history-speed';
import { sql as counter } from './010-counter';
import { sql as historyFilterIndex } from './011-history-filter-index';
import { sql as amountPageIndex } from './012-amount-page-index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered migrations, applied in order and never edited once released: the runner records a
 * hash of each and refuses to open a journal whose recorded hash differs. Kept as TS modules
 * (not .sql files) so they bundle into the main process.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'orders', sql: orders },
  { version: 2, name: 'reconciliations', sql: reconciliations },
  { version: 3, name: 'order-revision', sql: revision },
  { version: 4, name: 'sale-price', sql: salePrice },
  { version: 5, name: 'print-jobs', sql: printJobs },
  { version: 6, name: 'sync-outbox', sql: syncOutbox },
  { version: 7, name: 'sale-base-url', sql: saleBaseUrl },
  { version: 8, name: 'quick-items', sql: quickItems },
  { version: 9, name: 'history-speed', sql: historySpeed },
  { version: 10, name: 'counter', sql: counter },
  { version: 11, name: 'history-filter-index', sql: historyFilterIndex },
  { version: 12, name: 'amount-page-index', sql: amountPageIndex },
];
