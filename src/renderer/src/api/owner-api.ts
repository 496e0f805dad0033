import {
  OWNER_API,
  OWNER_ERROR_CODES,
  ownerExportSchema,
  ownerOrderPageSchema,
  ownerPairingCodeSchema,
  ownerSignInSchema,
  type OwnerErrorCode,
  type OwnerExportInput,
  type OwnerOrderPage,
  type OwnerOrderPageInput,
  type OwnerOverview,
  type OwnerReconciliation,
  type ShopDailyReport,
} from '@shared/owner/contract';
import { ownerDayZSchema, ownerShiftZSchema, type ShopZReport } from '@shared/owner/counter-contract';
import { toQuery } from '../lib/owner-query';

export class OwnerApiError extends Error {
  constructor(
    readonly code: OwnerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The owner's page's one API: the shop server's owner routes over HTTP, with the session
 * cookie the browser holds (httpOnly: this code never sees it). Inputs are checked with the
 * schemas the server parses with, so a bad entry is refused here in the owner's words
 * before a round trip; every refusal becomes an OwnerApiError with the server's code.
 */
export interface OwnerApi {
  session(): Promise<{ enabled: boolean; signedIn: boolean }>;
  signIn(secret: string): Promise<void>;
  signOut(): Promise<void>;
  overview(): Promise<OwnerOverview>;
  listOrders(input: OwnerOrderPageInput): Promise<OwnerOrderPage>;
  dailyReport(day: string, tillId: string | null): Promise<ShopDailyReport>;
  reconciliation(day: string): Promise<OwnerReconciliation>;
  /** The Z report of a business day across tills (or one till). */
  dayZ(day: string, tillId: string | null): Promise<ShopZReport>;
  /** The Z report of one shift of one till. */
  shiftZ(tillId: string, shiftId: string): Promise<ShopZReport>;
  createPairingCode(tillName: string): Promise<{ code: string; expiresAt: string }>;
  revokeTill(id: string): Promise<{ revoked: boolean }>;
  /** The address of a streamed export: the browser downloads it with the session cookie. */
  exportUrl(input: OwnerExportInput): string;
  /** The same for the refunds and voids the filter's day and till cover. */
  refundExportUrl(input: OwnerExportInput): string;
}

function isCode(v: unknown): v is OwnerErrorCode {
  return typeof v === 'string' && (OWNER_ERROR_CODES as readonly string[]).includes(v);
}

export function createOwnerApi(
  baseUrl = '',
  options: { fetch?: typeof fetch; onSignedOut?: () => void } = {},
): OwnerApi {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${OWNER_API}${path}`, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new OwnerApiError('unreachable', 'The shop server is not reachable.');
    }
    const answer = (await res.json().catch(() => null)) as { error?: unknown; message?: unknown } | null;
    if (res.ok) return answer as T;
    const code: OwnerErrorCode = isCode(answer?.error)
      ? answer.error
      : res.status === 429
        ? 'rate_limited'
        : 'internal';
    if (code === 'unauthorized' && path !== '/session') options.onSignedOut?.();
    throw new OwnerApiError(code, typeof answer?.message === 'string' ? answer.message : `HTTP ${res.status}`);
  }
  const checked = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new OwnerApiError('invalid_request', 'invalid input');
    return r.data as T;
  };

  return {
    session: () => call('GET', '/session'),
    async signIn(secret) {
      await call('POST', '/session', checked(ownerSignInSchema, { secret }));
    },
    async signOut() {
      await call('DELETE', '/session');
    },
    overview: () => call('GET', '/overview'),
    listOrders: (input) => call('GET', `/orders${toQuery(checked(ownerOrderPageSchema, input))}`),
    dailyReport: (day, tillId) => call('GET', `/reports/daily${toQuery({ day, tillId })}`),
    reconciliation: (day) => call('GET', `/reconciliation${toQuery({ day })}`),
    dayZ: (day, tillId) =>
      call('GET', `/reports/z/day${toQuery(checked(ownerDayZSchema, { day, tillId: tillId ?? undefined }))}`),
    shiftZ: (tillId, shiftId) =>
      call('GET', `/reports/z/shift${toQuery(checked(ownerShiftZSchema, { tillId, shiftId }))}`),
    createPairingCode: (tillName) => call('POST', '/pairing-codes', checked(ownerPairingCodeSchema, { tillName })),
    revokeTill: (id) => call('POST', `/tills/${encodeURIComponent(id)}/revoke`, {}),
    exportUrl: (input) => `${baseUrl}${OWNER_API}/exports/orders${toQuery(checked(ownerExportSchema, input))}`,
    refundExportUrl: (input) =>
      `${baseUrl}${OWNER_API}/exports/refunds${toQuery(checked(ownerExportSchema, { day: input.day, tillId: input.tillId, format: input.format }))}`,
  };
}
