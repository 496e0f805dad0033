import { PosError } from '@shared/errors';
import { SYNC_API, type PairAnswer } from '@shared/sync/protocol';

/** Exchanges the owner's one-time code for this till's id and token. */
export async function pairWithServer(
  fetchFn: typeof fetch,
  input: { serverUrl: string; code: string; tillName: string; orderPrefix: string; firstSeq: number },
  timeoutMs = 15_000,
): Promise<PairAnswer> {
  let res: Response;
  try {
    res = await fetchFn(`${input.serverUrl}${SYNC_API}/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: input.code.trim(),
        tillName: input.tillName.trim(),
        orderPrefix: input.orderPrefix,
        firstSeq: input.firstSeq,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new PosError(
      'shop_server_unreachable',
      `The shop server at ${input.serverUrl} could not be reached. Check the address and the network.`,
    );
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status === 200 && body && typeof body.token === 'string' && typeof body.tillId === 'string')
    return body as unknown as PairAnswer;
  if (res.status === 403)
    throw new PosError(
      'shop_server_refused',
      'The shop server refused this pairing code: it is unknown, used or expired.',
    );
  if (res.status === 400)
    throw new PosError(
      'shop_server_refused',
      `The shop server refused the pairing request: ${typeof body?.message === 'string' ? body.message.slice(0, 200) : 'invalid request'}.`,
    );
  if (res.status === 429)
    throw new PosError('shop_server_refused', 'Too many pairing attempts; wait a minute and try again.');
  throw new PosError('shop_server_unreachable', `The shop server answered HTTP ${res.status}; try again later.`);
}
