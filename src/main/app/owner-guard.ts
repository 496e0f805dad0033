import type { AccessView } from '@shared/counter';
import { OWNER_CALLS, OWNER_PIN_CALLS, type CallInput, type CallName } from '@shared/contract/api';
import type { Handlers } from '../api/dispatch';
import type { Logger } from '../log/logger';
import type { AuditEntry, OwnerAccess } from '../counter/owner-access';
import type { People } from '../counter/people';

/** What each owner-only call is, in words for its refusal. */
const ACTIONS: Record<(typeof OWNER_CALLS)[number], string> = {
  updateSettings: 'change the settings',
  setApiKey: 'change the API key',
  setProject: 'connect a Pakasir project',
  clearApiKey: 'remove the API key',
  addDisplayImage: "change the customer display's pictures",
  removeDisplayImage: "change the customer display's pictures",
  resolveReview: 'decide a sale that needs review',
  startExport: 'export sales',
  exportDailyReport: 'export the daily report',
  exportZReport: 'export a Z report',
  updatePrinterSettings: 'change the printer',
  pairShopServer: 'pair the shop server',
  unpairShopServer: 'unpair the shop server',
  recoverJournal: 'restore or replace the sales journal',
  refundSale: 'give money back',
  closeBusinessDay: 'close the business day',
  addCashier: 'add a cashier',
  updateCashier: 'change a cashier',
  saveItem: 'change the quick items and their prices',
  removeItem: 'remove a quick item',
};

/** Calls whose service journals its own action in detail (the refund, the cashier, the close). */
const SELF_JOURNALED = new Set<CallName>(['refundSale', 'closeBusinessDay', 'addCashier', 'updateCashier']);

/** Never journaled: secrets and what could carry one. */
const SECRET_KEYS = new Set(['apiKey', 'pin', 'currentPin', 'code', 'data']);

function auditOf(name: CallName, input: unknown): Pick<AuditEntry, 'target' | 'facts'> {
  const fields = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const target = ['orderId', 'saleId', 'shiftId', 'day', 'backup', 'id', 'itemId']
    .map((k) => fields[k])
    .find((v): v is string => typeof v === 'string');
  const keys = Object.keys(fields).filter((k) => !SECRET_KEYS.has(k));
  const facts: Record<string, unknown> = { fields: keys };
  if (name === 'resolveReview') facts.resolution = fields.resolution;
  if (name === 'recoverJournal') facts.recovery = fields.action;
  // A price change is the one thing about an item the owner may be asked about later.
  if (name === 'saveItem') Object.assign(facts, { name: fields.name, price: fields.price });
  return { target: target ?? null, facts };
}

/**
 * Wraps every owner-only handler: before it runs, main checks the owner's session (or, for
 * money leaving the shop and staff, that an owner PIN exists at all); after it succeeds, the
 * action is journaled with who did it. Both transports (Electron IPC and the harness) call
 * these handlers through dispatch(), so no window can go around the check.
 */
export function guardOwnerCalls(handlers: Handlers, owner: OwnerAccess, log: Logger): Handlers {
  const guarded = { ...handlers } as Record<CallName, (input: unknown) => unknown>;
  const pinned = new Set<CallName>(OWNER_PIN_CALLS);
  for (const name of OWNER_CALLS) {
    const handler = handlers[name] as (input: CallInput<typeof name>) => unknown;
    guarded[name] = async (input: unknown) => {
      const actor = pinned.has(name) ? owner.requirePinnedOwner(ACTIONS[name]) : owner.requireOwner(ACTIONS[name]);
      const result = await handler(input as never);
      if (!SELF_JOURNALED.has(name)) {
        const entry: AuditEntry = { action: name, actor, ...auditOf(name, input) };
        if (!owner.journalAction(entry))
          log.info('owner action (the journal is closed)', { action: name, by: actor.name || 'unprotected' });
      }
      return result;
    };
  }
  return guarded as unknown as Handlers;
}

/** The access calls: they work whether the journal is open (cashiers listed) or not (the owner only). */
export function accessHandlers(
  owner: OwnerAccess,
  people: () => People | null,
): Pick<Handlers, 'getAccess' | 'unlockOwner' | 'lockOwner' | 'setOwnerPin'> & { view(): AccessView } {
  const view = (): AccessView => {
    const p = people();
    if (p) return p.view();
    return {
      seq: owner.nextSeq(),
      ownerPinSet: owner.pinSet,
      ownerUnlocked: owner.unlocked(),
      ownerIdleMs: owner.idleMs,
      staff: owner.pinSet
        ? [{ staffId: 'owner', name: owner.name ?? '', role: 'owner', active: true, lockedForMs: owner.lockedForMs() }]
        : [],
    };
  };
  return {
    view,
    getAccess: () => view(),
    unlockOwner: async ({ pin }) => {
      await owner.unlock(pin);
      return view();
    },
    lockOwner: () => {
      owner.lock();
      return view();
    },
    setOwnerPin: async (input) => {
      await owner.setPin(input);
      return view();
    },
  };
}
