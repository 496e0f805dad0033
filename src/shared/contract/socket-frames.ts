import type { Envelope } from '../errors';

/**
 * The browser harness's one socket (`/api/socket`): the same contract as the Electron
 * preload, carried as JSON text frames. The page sends calls; the harness answers each by
 * its id (answers may come back in any order) and pushes every event.
 */
export interface CallFrame {
  id: number;
  call: string;
  input?: unknown;
}

export type ServerFrame = { id: number | null; envelope: Envelope<unknown> } | { event: string; payload: unknown };

/** The socket's path on the harness origin; the run's token goes in its query. */
export const SOCKET_PATH = '/api/socket';

/** Largest frame either side accepts (the same limit as an HTTP call's body). */
export const MAX_FRAME_BYTES = 256 * 1024;
