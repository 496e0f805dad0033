import { create } from 'zustand';
import type { OwnerOverview } from '@shared/owner/contract';
import type { OwnerApi } from '../api/owner-api';
import { ownerErrorText } from '../lib/owner-view';

export type OwnerPage = 'history' | 'report' | 'z' | 'reconcile' | 'tills';

type Status = 'loading' | 'off' | 'signed_out' | 'signed_in' | 'unreachable';

interface OwnerState {
  status: Status;
  page: OwnerPage;
  overview: OwnerOverview | null;
  /** Why the owner is looking at the sign-in again (a wrong password, a session that ran out). */
  signInError: { code: string; text: string; issues: string[] } | null;
  busy: boolean;
  start(): Promise<void>;
  signIn(secret: string): Promise<void>;
  signOut(): Promise<void>;
  refreshOverview(): Promise<void>;
  show(page: OwnerPage): void;
  signedOut(): void;
}

let api: OwnerApi | null = null;

/** The owner's page picks its API once at start (main-owner.tsx; tests give their own). */
export function setOwnerApi(a: OwnerApi): void {
  api = a;
}

export function ownerApi(): OwnerApi {
  if (!api) throw new Error('OwnerApi not initialised: call setOwnerApi() at start');
  return api;
}

export const useOwner = create<OwnerState>((set, get) => ({
  status: 'loading',
  page: 'history',
  overview: null,
  signInError: null,
  busy: false,
  async start() {
    try {
      const s = await ownerApi().session();
      if (!s.enabled) return set({ status: 'off' });
      if (!s.signedIn) return set({ status: 'signed_out' });
      await get().refreshOverview();
      set({ status: 'signed_in' });
    } catch {
      set({ status: 'unreachable' });
    }
  },
  async signIn(secret) {
    set({ busy: true, signInError: null });
    try {
      await ownerApi().signIn(secret);
      await get().refreshOverview();
      set({ status: 'signed_in', busy: false });
    } catch (e) {
      set({ busy: false, signInError: ownerErrorText(e) });
    }
  },
  async signOut() {
    await ownerApi()
      .signOut()
      .catch(() => undefined);
    set({ status: 'signed_out', overview: null, signInError: null });
  },
  async refreshOverview() {
    set({ overview: await ownerApi().overview() });
  },
  show(page) {
    set({ page });
  },
  signedOut() {
    // A session that ran out (or a password changed on the server) mid-use.
    if (get().status === 'signed_in')
      set({ status: 'signed_out', overview: null, signInError: ownerErrorText({ code: 'signedOut' }) });
  },
}));
