import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionTestResult } from '@shared/domain';
import { PosError } from '@shared/errors';
import { lockDataFolder, type FolderLock } from '../datafolder/folder-lock';
import { loadInstallIdentity } from '../datafolder/install-id';
import { DisplayMedia } from '../display/display-media';
import { createLogger, type Logger } from '../log/logger';
import { createBusinessCalendar } from '../orders/business-day';
import { openOrderStore } from '../orders/journal';
import { machineTimeZone } from '../orders/local-time';
import { createGateway } from '../pakasir/create-gateway';
import { FeeLookup } from '../pakasir/fee-lookup';
import { GatewayError, type PakasirGateway } from '../pakasir/gateway';
import { observeCreates } from '../pakasir/observe-creates';
import { feePolicyPlanner } from '../payments/amount-plan';
import { PaymentService, type GatewayContext } from '../payments/payment-service';
import { SettingsService } from '../settings/settings-service';
import { createSimulator, randomApiKey, type Simulator } from '../../simulator/simulator';
import type { Handlers } from '../api/dispatch';
import { EventBus } from '../events/event-bus';
import type { AppServices, AppServicesOptions } from './services';
import { watchBusinessDay } from './business-day-watch';
import { createOwnerTools } from './owner-tools';
import { NO_OS_PRINTER } from '../printing/os-printer';
import { createPrintingTools } from './printing-tools';
import { createSyncService } from '../sync/sync-service';

/** The demo project lives in an in-process simulator; its key is random per run. */
const DEMO_SLUG = 'toko-demo';

/**
 * Builds every service from a data folder. Called by the Electron main process and by the
 * browser harness alike, so both run exactly the same code; only the Electron-specific
 * pieces (safeStorage, displays, the save dialog) come in through the options.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataDir, { recursive: true });
  // First of all: one copy of the app per data folder, whichever shell it runs in. A second
  // copy would poll the same sales (twice the rate limit) and write the same journal.
  const lock = lockDataFolder(options.dataDir, { shell: options.shell });
  try {
    return await createLocked(options, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function createLocked(options: AppServicesOptions, lock: FolderLock): Promise<AppServices> {
  const log: Logger =
    options.logger ?? createLogger({ dataDir: options.dataDir, stderr: options.quiet ? false : process.stderr });
  const bus = new EventBus();
  const settings = new SettingsService({
    dataDir: options.dataDir,
    safeStorage: options.safeStorage,
    log,
    demoProjectSlug: DEMO_SLUG,
    keyInMemoryOnly: options.keyStorage === 'memory',
  });
  const displayMedia = new DisplayMedia(options.dataDir, log);
  displayMedia.onChange((index) => bus.emit('displayMediaChanged', index));
  const clock = options.clock ?? (() => new Date());
  const install = loadInstallIdentity(options.dataDir, { now: clock });
  if (install.renewed)
    log.warn('this data folder was copied from another till or folder: it now issues order ids with a new install id', {
      previous: install.renewed.previous,
      installId: install.installId,
    });
  const calendar = createBusinessCalendar({
    timeZone: options.timeZone ?? machineTimeZone(),
    cutoffHour: () => settings.view().businessDayCutoffHour,
    clock,
  });
  const store = openOrderStore({
    file: join(options.dataDir, 'orders.sqlite'),
    log: log.child('orders'),
    now: clock,
    timeZone: calendar.timeZone,
    cutoffHour: calendar.cutoffHour,
    installId: install.installId,
    nativeBinding: options.sqliteBinding,
  });

  let demo: Simulator | null = null;
  // Built on first use and dropped on every settings change: a poll step must not read and
  // decrypt the key from disk each time it runs.
  let cached: GatewayContext | null = null;

  const startDemo = async (): Promise<Simulator> => {
    if (!demo) {
      demo = await createSimulator({
        port: options.demoSimulatorPort ?? 0,
        projects: [{ slug: DEMO_SLUG, apiKey: randomApiKey(), sandbox: true }],
        clock: () => clock().getTime(),
      });
      log.info('demo mode: local Pakasir simulator started', { baseUrl: demo.baseUrl });
      cached = null;
    }
    return demo;
  };

  // Pakasir's fee answers, per gateway (a settings change builds a new one, and so a fresh table).
  const feeLookups = new WeakMap<PakasirGateway, FeeLookup>();
  const lookupFor = (gateway: PakasirGateway): FeeLookup => {
    let lookup = feeLookups.get(gateway);
    if (!lookup) {
      lookup = new FeeLookup((amount) => gateway.fees(amount));
      feeLookups.set(gateway, lookup);
    }
    return lookup;
  };
  /**
   * What only a create answer tells: who bears the fee in the project's own settings, and
   * whether the fee table still matches the fee Pakasir charged (if not, it is asked again).
   */
  const learnFromCreates = (gateway: PakasirGateway): PakasirGateway => {
    const observed = observeCreates(gateway, (tx, req) => {
      if (tx.feeBearer) settings.noteFeeBearer(gateway.project, tx.feeBearer);
      const lookup = feeLookups.get(observed);
      const table = lookup?.peek(req.amount);
      const listed = table?.[req.method];
      if (lookup && typeof listed === 'number' && req.method !== 'payment_link' && listed !== tx.fee) {
        log.warn('Pakasir charged another fee than its fee table said; the table will be asked again', {
          method: req.method,
          amount: req.amount,
          table: listed,
          charged: tx.fee,
        });
        lookup.forget();
      }
    });
    return observed;
  };

  /** The gateway for the current settings; rebuilt only after they change. */
  const context = (): GatewayContext => {
    if (cached) return cached;
    const view = settings.view();
    const creds = settings.credentials();
    let gateway: PakasirGateway;
    let project: string;
    let sandbox: boolean;
    const isDemo = !creds;
    if (creds) {
      log.addSecret(creds.apiKey);
      gateway = learnFromCreates(
        createGateway({
          version: creds.apiVersion,
          baseUrl: creds.baseUrl,
          project: creds.projectSlug,
          apiKey: creds.apiKey,
          v1StatusIntervalMs: options.tuning?.v1StatusIntervalMs,
        }),
      );
      project = creds.projectSlug;
      sandbox = creds.sandbox;
    } else {
      if (!demo) throw new PosError('internal', 'Demo mode is not ready yet.');
      const p = demo.projects[0]!;
      log.addSecret(p.apiKey);
      gateway = learnFromCreates(
        createGateway({
          version: view.apiVersion,
          baseUrl: demo.baseUrl,
          project: p.slug,
          apiKey: p.apiKey,
          simulationUrl: `${demo.baseUrl}/__sim/pay`,
          v1StatusIntervalMs: options.tuning?.v1StatusIntervalMs,
        }),
      );
      project = p.slug;
      sandbox = true;
    }
    const ctx: GatewayContext = {
      gateway,
      project,
      version: gateway.version,
      sandbox,
      demo: isDemo,
      terminalPrefix: view.terminalPrefix,
      link: { qrisOnly: view.linkQrisOnly, redirectUrl: view.linkRedirectUrl || null },
    };
    cached = ctx;
    return ctx;
  };

  // Demo mode needs its simulator before the first sale, and recovery may need it now; a
  // shop with its own project never starts it (no server, no port) unless it returns to demo.
  settings.onChange((_view, what) => {
    // What Pakasir's answers taught (its fee setting) changes no project, host or key.
    if (what !== 'learned') cached = null;
  });
  if (settings.view().mode === 'demo') await startDemo();
  const demoIfNeeded = async <T extends { mode: string }>(view: T): Promise<T> => {
    if (view.mode === 'demo') await startDemo();
    return view;
  };

  // The owner's fee choice, applied to every charge (the shop bears the fee until chosen).
  const planAmount = feePolicyPlanner(
    (project) => ({ payer: settings.view().feePayer, pakasirBearer: settings.feeBearerFor(project) }),
    lookupFor,
  );
  const payments = new PaymentService({
    store,
    bus,
    context,
    log: log.child('payments'),
    tuning: options.tuning,
    planAmount,
    now: () => clock().getTime(),
  });
  const owner = createOwnerTools({
    store,
    bus,
    settings,
    payments,
    exportSink: options.exportSink,
    log,
    calendar,
    clock,
  });

  settings.onChange((view) => bus.emit('settingsChanged', view));
  const dayWatch = watchBusinessDay(calendar, bus);
  settings.onChange(() => dayWatch.check());

  const printingTools = createPrintingTools({
    dataDir: options.dataDir,
    store,
    bus,
    settings,
    osPrinter: options.osPrinter ?? NO_OS_PRINTER,
    sqliteBinding: options.sqliteBinding,
    log,
    timeZone: options.timeZone,
    tuning: options.printingTuning,
  });

  // The shop server link runs in the background; a sale never waits for it.
  const sync = createSyncService({
    dataDir: options.dataDir,
    journalFile: store.file,
    nativeBinding: options.sqliteBinding,
    bus,
    payments,
    safeStorage: options.safeStorage,
    settings: () => settings.view(),
    log: log.child('sync'),
    ...(options.syncTuning ? { tuning: options.syncTuning } : {}),
  });
  bus.on('orderUpdated', () => sync.poke());

  /**
   * The project a sale was charged on must stay reachable until the sale ends: switching
   * project, host, API version, environment or key mid-sale would leave its QR payable
   * with nobody watching it.
   */
  const noOpenSale = (): void => {
    const open = store.listLive();
    if (open.length > 0)
      throw new PosError(
        'busy',
        `Finish or cancel the open sale ${open[0]!.orderId} before changing the project, key or environment.`,
      );
  };

  const testConnection = async (): Promise<ConnectionTestResult> => {
    const ctx = context();
    if (ctx.demo) return { ok: true, code: 'no_credentials', detail: 'demo', latencyMs: null };
    const started = Date.now();
    // Asking for a transaction that cannot exist tells a valid key and project
    // ("transaction not found") from a bad key (401) or an unknown project.
    const probe = {
      orderId: `PROBE-${Date.now()}`,
      amount: 10_000,
      txnId: `probe${Date.now()}`,
      method: 'qris' as const,
    };
    try {
      await ctx.gateway.status(probe);
      return { ok: true, code: 'ok', detail: null, latencyMs: Date.now() - started };
    } catch (err) {
      const latencyMs = Date.now() - started;
      if (!(err instanceof GatewayError)) return { ok: false, code: 'server', detail: null, latencyMs };
      if (err.kind === 'not_found') {
        const projectMissing = /proyek|project/i.test(err.gatewayMessage ?? '');
        return projectMissing
          ? { ok: false, code: 'not_found', detail: err.gatewayMessage, latencyMs }
          : { ok: true, code: 'ok', detail: null, latencyMs };
      }
      const code = err.kind === 'invalid_request' || err.kind === 'rejected' ? 'server' : err.kind;
      return { ok: false, code, detail: err.gatewayMessage, latencyMs };
    }
  };

  const handlers: Handlers = {
    getAppInfo: () => ({
      version: options.version,
      mode: settings.view().mode,
      shell: options.shell,
      platform: process.platform,
      dataDir: options.dataDir,
      installId: install.installId,
      installIdRenewed: install.renewed,
    }),
    getSettings: () => settings.view(),
    updateSettings: (patch) => {
      if (
        patch.projectSlug !== undefined ||
        patch.apiVersion !== undefined ||
        patch.baseUrl !== undefined ||
        patch.sandbox !== undefined
      ) {
        const view = settings.view();
        const changes =
          (patch.projectSlug !== undefined && patch.projectSlug !== view.projectSlug) ||
          (patch.apiVersion !== undefined && patch.apiVersion !== view.apiVersion) ||
          (patch.baseUrl !== undefined && patch.baseUrl !== view.baseUrl) ||
          (patch.sandbox !== undefined && patch.sandbox !== view.sandbox);
        if (changes) noOpenSale();
      }
      return demoIfNeeded(settings.update(patch));
    },
    setApiKey: ({ apiKey }) => {
      noOpenSale();
      return settings.setApiKey(apiKey);
    },
    setProject: ({ apiKey, ...project }) => {
      noOpenSale();
      return settings.setProject(project, apiKey);
    },
    clearApiKey: () => {
      noOpenSale();
      return demoIfNeeded(settings.clearApiKey());
    },
    testConnection,
    listDisplays: () => options.listDisplays(),
    getDisplayMedia: () => displayMedia.view(),
    addDisplayImage: ({ slot, data }) => displayMedia.add(slot, data),
    removeDisplayImage: ({ id }) => displayMedia.remove(id),

    charge: (input) => payments.charge(input),
    prepareCharge: async ({ amount, method }) => {
      // Only warms the fee answers the charge will ask for; any failure is the charge's to report.
      try {
        const ctx = context();
        await planAmount({
          price: amount,
          method,
          gateway: ctx.gateway,
          project: ctx.project,
          linkQrisOnly: ctx.link.qrisOnly,
        });
      } catch {
        // nothing to say while typing
      }
      return null;
    },
    cancelSale: ({ orderId }) => payments.cancelSale(orderId),
    checkNow: ({ orderId }) => payments.checkNow(orderId),
    simulatePayment: ({ orderId }) => payments.simulatePayment(orderId),
    recreateSale: ({ orderId }) => payments.recreateSale(orderId),
    markProofShown: ({ orderId, note }) => payments.markProofShown(orderId, note),
    resolveReview: ({ orderId, resolution, note }) => payments.resolveReview(orderId, resolution, note),
    dismissSale: ({ orderId }) => payments.dismissSale(orderId),
    getActiveSale: () => payments.getActiveSale(),
    getConnectivity: () => payments.getConnectivity(),

    ...owner.handlers,
    ...printingTools.handlers,
    ...sync.handlers,
  };

  // Demo sales still open from an earlier run were issued by a simulator that died with
  // that run: nobody can pay them now, so they close instead of waiting out their expiry.
  if (settings.view().mode === 'demo') {
    for (const order of store.listLive()) {
      if (order.project !== DEMO_SLUG) continue;
      store.transition(order.orderId, 'canceled', 'demo_reset', { reason: 'demo_reset' }, undefined, [
        'creating',
        'awaiting_payment',
      ]);
    }
  }

  // Resume every open sale from the journal; a long recovery reports progress.
  const recoveryJob = `recovery-${Date.now()}`;
  payments.recover((done, total) => {
    if (total >= 20)
      bus.emit('jobProgress', {
        jobId: recoveryJob,
        kind: 'recovery',
        state: done === total ? 'done' : 'running',
        done,
        total,
      });
  });

  return {
    handlers,
    bus,
    payments,
    store,
    settings,
    printing: printingTools.printing,
    log,
    demoSimulator: () => demo,
    async stop() {
      await sync.stop();
      dayWatch.stop();
      payments.stop();
      owner.stop();
      await payments.idle();
      await printingTools.stop();
      store.close();
      if (demo) await demo.close();
      lock.release();
    },
  };
}
