/** The engine's pace and patience: defaults for the shop, shortened by tests and the bench. */
export interface PaymentTuning {
  /** v1 status pace (the guide states no limit; 2 s by default). */
  v1StatusIntervalMs: number;
  /** Status calls in flight at once, over all sales. */
  maxInFlight: number;
  /** How long canceled and expired sales are watched for late payments. */
  lateWatchHours: number;
  /** Spacing of creates (Pakasir allows about two per second). */
  createSpacingMs: number;
  /** Wait after expired_at before the last check, for clock skew with the gateway. */
  expiryGraceMs: number;
  /** First late-payment check after a sale ended; later ones back off to ten minutes. */
  watchFirstMs: number;
  /**
   * Live sales poll at this slower pace while the shop server's push channel is up: the
   * webhook then tells the till within moments of a payment, and a transaction that was not
   * asked about in the last 4 s can be checked the moment the hint arrives. Polling stays as
   * the safety net for a webhook that never comes.
   */
  pushPollIntervalMs: number;
}

export const DEFAULT_TUNING: PaymentTuning = {
  v1StatusIntervalMs: 2000,
  maxInFlight: 3,
  lateWatchHours: 6,
  createSpacingMs: 500,
  expiryGraceMs: 2000,
  watchFirstMs: 30_000,
  pushPollIntervalMs: 15_000,
};

/**
 * How many create answers the app could not accept a sale may get before it fails. Such an
 * answer is usually the same again (find-or-create returns the same transaction), so more
 * tries only keep the cashier waiting; one repeat covers a garbled transmission, a second
 * confirms. v1 never repeats a create whose transaction exists (it has no find-or-create),
 * so there the first refused answer of an existing transaction ends the sale.
 */
export const MAX_REFUSED_CREATE_ANSWERS = 3;

/** A step that failed inside the app (a journal write) is tried again after this long. */
export const FAILURE_RETRY_MS = 2000;
