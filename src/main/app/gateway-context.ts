import type { ConnectionTestResult } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { createGateway } from '../pakasir/create-gateway';
import { FeeLookup } from '../pakasir/fee-lookup';
import { GatewayError, type PakasirGateway } from '../pakasir/gateway';
import { observeCreates } from '../pakasir/observe-creates';
import { feePolicyPlanner, type AmountPlanner } from '../payments/amount-plan';
import type { GatewayContext, SaleEnvironment } from '../payments/gateway-selection';
import type { SettingsService } from '../settings/settings-service';
import { createSimulator, randomApiKey, type Simulator } from '../../simulator/simulator';
import { GatewayRegistry } from './gateway-registry';
import type { AppServicesOptions } from './service-types';

/** The demo project lives in an in-process simulator; its key is random per run. */
export const DEMO_SLUG = 'toko-demo';

export interface Gateways {
  /** The gateway for the current settings; rebuilt only after they change. */
  context(): GatewayContext;
  /**
   * The gateway for a sale made under another API version, project or address, or null
   * when the app cannot reach it any more (its project's key is gone).
   */
  forSale(sale: SaleEnvironment): PakasirGateway | null;
  /** Starts the demo simulator when the settings are in demo mode (a shop's own project never starts it). */
  demoIfNeeded<T extends { mode: string }>(view: T): Promise<T>;
  demo(): Simulator | null;
  /** The owner's fee choice, applied to every charge (the shop bears the fee until chosen). */
  planAmount: AmountPlanner;
  testConnection(): Promise<ConnectionTestResult>;
  close(): Promise<void>;
}

/**
 * Which Pakasir the app talks to: the shop's project from settings, or the in-process demo
 * simulator when none is set. Independent of the journal, so a connection test works even
 * while the journal is closed.
 */
export function createGateways(deps: {
  settings: SettingsService;
  log: Logger;
  clock: () => Date;
  options: Pick<AppServicesOptions, 'demoSimulatorPort' | 'startDemoSimulator' | 'tuning'>;
}): Gateways {
  const { settings, log, clock, options } = deps;
  let demo: Simulator | null = null;
  // Built on first use and dropped on every settings change: a poll step must not read and
  // decrypt the key from disk each time it runs.
  let cached: GatewayContext | null = null;
  settings.onChange((_view, what) => {
    // What Pakasir's answers taught (its fee setting) changes no project, host or key.
    if (what === 'learned') return;
    cached = null;
    registry.clear();
  });

  /**
   * The gateway for a sale made under another API version (or the demo project): the key
   * is the project's, whatever the version. Another project's or another address's key is
   * not kept (settings wipe it on such a change), so those sales have none.
   */
  const registry = new GatewayRegistry((sale: SaleEnvironment): PakasirGateway | null => {
    if (demo && sale.project === DEMO_SLUG && sale.baseUrl === demo.baseUrl) {
      const p = demo.projects[0]!;
      return createGateway({
        version: sale.apiVersion,
        baseUrl: demo.baseUrl,
        project: p.slug,
        apiKey: p.apiKey,
        simulationUrl: `${demo.baseUrl}/__sim/pay`,
        v1StatusIntervalMs: options.tuning?.v1StatusIntervalMs,
      });
    }
    const creds = settings.credentials();
    if (!creds || sale.project !== creds.projectSlug || sale.baseUrl !== creds.baseUrl) return null;
    log.addSecret(creds.apiKey);
    return createGateway({
      version: sale.apiVersion,
      baseUrl: creds.baseUrl,
      project: creds.projectSlug,
      apiKey: creds.apiKey,
      v1StatusIntervalMs: options.tuning?.v1StatusIntervalMs,
    });
  });

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
  const planAmount = feePolicyPlanner(
    (project) => ({ payer: settings.view().feePayer, pakasirBearer: settings.feeBearerFor(project) }),
    lookupFor,
  );

  const startDemo = async (): Promise<Simulator> => {
    if (!demo) {
      demo = await (options.startDemoSimulator ?? createSimulator)({
        port: options.demoSimulatorPort ?? 0,
        projects: [{ slug: DEMO_SLUG, apiKey: randomApiKey(), sandbox: true }],
        clock: () => clock().getTime(),
      });
      log.info('demo mode: local Pakasir simulator started', { baseUrl: demo.baseUrl });
      cached = null;
      registry.clear();
    }
    return demo;
  };

  const context = (): GatewayContext => {
    if (cached) return cached;
    const view = settings.view();
    const creds = settings.credentials();
    let gateway: PakasirGateway;
    let project: string;
    let baseUrl: string;
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
      baseUrl = creds.baseUrl;
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
      baseUrl = demo.baseUrl;
      sandbox = true;
    }
    const ctx: GatewayContext = {
      gateway,
      project,
      version: gateway.version,
      baseUrl,
      sandbox,
      demo: isDemo,
      terminalPrefix: view.terminalPrefix,
      link: { qrisOnly: view.linkQrisOnly, redirectUrl: view.linkRedirectUrl || null },
    };
    cached = ctx;
    return ctx;
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

  return {
    context,
    forSale: (sale) => registry.forSale(sale),
    async demoIfNeeded(view) {
      if (view.mode === 'demo') await startDemo();
      return view;
    },
    demo: () => demo,
    planAmount,
    testConnection,
    async close() {
      if (demo) await demo.close();
      demo = null;
    },
  };
}
