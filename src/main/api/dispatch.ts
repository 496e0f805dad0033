import type { CallInput, CallName, CallOutput } from '@shared/contract/api';
import { CALL_NAMES } from '@shared/contract/api';
import { callSchemas } from '@shared/contract/schemas';
import { PosError, type Envelope, type PosErrorShape } from '@shared/errors';
import { GatewayError } from '../pakasir/gateway';

/** The services' side of the contract: one async function per call, inputs already parsed. */
export type Handlers = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> | CallOutput<K> };

export interface DispatchLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

const callNames = new Set<string>(CALL_NAMES);

/**
 * The one entry every transport (Electron IPC, the browser harness) goes through: the call
 * name is checked against the contract, the input parsed by its schema, the handler run, and
 * any failure turned into a typed envelope. No stack trace or unexpected message crosses:
 * an unknown error becomes "internal" with a fixed sentence, and is logged in main only.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  log?: DispatchLog,
): Promise<Envelope<unknown>> {
  if (!callNames.has(name)) {
    return { ok: false, error: { code: 'unknown_call', message: 'This call is not part of the app contract.' } };
  }
  const callName = name as CallName;
  // Only a missing input means "no input"; null or any other value is checked as given.
  const parsed = callSchemas[callName].safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({
      path: i.path.map(String).join('.') || '(input)',
      message: i.message,
    }));
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${callName}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      },
    };
  }
  try {
    const handler = handlers[callName] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: toErrorShape(err, callName, log) };
  }
}

export function toErrorShape(err: unknown, callName: string, log?: DispatchLog): PosErrorShape {
  if (err instanceof PosError) return err.toShape();
  if (err instanceof GatewayError) {
    const code = (
      {
        network: 'gateway_network',
        timeout: 'gateway_timeout',
        rate_limited: 'gateway_rate_limited',
        auth: 'gateway_auth',
        not_found: 'gateway_not_found',
        server: 'gateway_server',
        invalid_answer: 'gateway_invalid_answer',
        rejected: 'gateway_rejected',
        invalid_request: 'invalid_input',
      } as const
    )[err.kind];
    return { code, message: err.message };
  }
  // Unknown failures: log the name only in main; the renderer gets a fixed sentence.
  log?.warn('call failed unexpectedly', { call: callName, error: err instanceof Error ? err.name : typeof err });
  return {
    code: 'internal',
    message: 'Something went wrong in the app. The sale journal is unchanged; please try again.',
  };
}
