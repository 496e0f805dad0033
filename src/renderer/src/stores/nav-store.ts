import { create } from 'zustand';

export type Tab = 'sale' | 'shift' | 'history' | 'settings';
export type HistoryTab = 'sales' | 'review' | 'report';

/**
 * Where the cashier is. A store rather than component state so a banner's "View" can take
 * the cashier to a sale from any screen.
 */
export interface NavState {
  tab: Tab;
  historyTab: HistoryTab;
  /** A sale to open or point at once the screen is shown; the screen clears it. */
  focusOrderId: string | null;
  go(tab: Tab, historyTab?: HistoryTab, focusOrderId?: string | null): void;
  setHistoryTab(t: HistoryTab): void;
  clearFocus(): void;
}

export const useNav = create<NavState>((set) => ({
  tab: 'sale',
  historyTab: 'sales',
  focusOrderId: null,
  go: (tab, historyTab, focusOrderId = null) =>
    set((s) => ({ tab, historyTab: historyTab ?? s.historyTab, focusOrderId })),
  setHistoryTab: (historyTab) => set({ historyTab }),
  clearFocus: () => set({ focusOrderId: null }),
}));
