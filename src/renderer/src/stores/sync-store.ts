import { create } from 'zustand';
import type { SyncStatusView } from '@shared/domain';
import { loadAndReload, offAll, type PosApi } from '../api/pos-api';
import { newerSync } from '../lib/sync-view';

/** The shop server link as main reports it; the window only mirrors it. */
export const useSync = create<{ status: SyncStatusView | null; setStatus(s: SyncStatusView): void }>((set) => ({
  status: null,
  setStatus: (status) => set((s) => ({ status: newerSync(s.status, status) })),
}));

export function connectSyncStore(api: PosApi): () => void {
  return offAll([
    api.on('syncStatusChanged', (s) => useSync.getState().setStatus(s)),
    loadAndReload(api, () => void api.getSyncStatus({}).then(useSync.getState().setStatus, () => undefined)),
  ]);
}
