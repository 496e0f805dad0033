import { json, message, type SimAnswer, type SimContext, type SimRequest } from '../context';
import type { SimControls } from '../routes';
import { changeTransaction, plainControl } from '../sim-pay';
import { faultFromJson, type FaultSet } from './faults';

function addFaults(faults: FaultSet, req: SimRequest): SimAnswer {
  const b = req.body as Record<string, unknown> | null;
  try {
    if (b && typeof b === 'object' && !Array.isArray(b) && b.clear === true) faults.clear();
    const list = Array.isArray(b)
      ? b
      : b && typeof b === 'object' && 'faults' in b
        ? (b.faults as unknown[])
        : b && 'route' in b
          ? [b]
          : [];
    for (const f of list) faults.add(faultFromJson(f));
  } catch (e) {
    return message(400, (e as Error).message);
  }
  return json(200, { ok: true, faults: faults.list() });
}

/**
 * The `/__sim/` control plane of the test simulator: the same controls as its in-process
 * API, for child processes, the soak and benchmarks. Local-only by construction (the server
 * binds to loopback) and never part of the Pakasir API, nor of the shipped app.
 */
export function labControl(
  ctx: SimContext,
  faults: FaultSet,
  controls: SimControls,
  req: SimRequest,
  action: string,
): SimAnswer {
  if (req.badJson) return message(400, 'Body JSON tidak valid');
  switch (`${req.method} ${action}`) {
    case 'POST expire':
      return changeTransaction(ctx, req, 'expire');
    case 'POST faults':
      return addFaults(faults, req);
    case 'DELETE faults':
      faults.clear();
      return json(200, { ok: true });
    case 'POST reset':
      controls.reset();
      return json(200, { ok: true });
    case 'GET stats':
      return json(200, controls.stats());
    case 'GET transactions':
      return json(200, controls.transactions());
    default:
      return plainControl(ctx, req, action);
  }
}
