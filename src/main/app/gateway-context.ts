import type { ConnectionTestResult } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { ApiVersion, PaymentMethod } from '@shared/methods';
import type { Logger } from '../log/logger';
import { createGateway } from '../pakasir/create-gateway';
import type { PakasirGateway } from '../pakasir/gateway';
import type { AmountPlanner } from '../payments/amount-plan';
import type { GatewayContext, SaleEnvironment } from '../payments/gateway-selection';
import type { Credentials, SettingsService } from '../settings/settings-service';
import { createSimulator, randomApiKey, type Simulator } from '../../simulator/simulator';
import { testConnection } from './connection-test';
import { createFeeLearning } from './fee-learning';
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

/** The plan for charging `price` by `method` under today's settings (asking Pakasir's fee if needed). */
export function planWithSettings(
  gateways: Pick<Gateways, 'context' | 'planAmount'>,
  price: number,
  method: PaymentMethod,
): ReturnType<AmountPlanner> {
  const ctx = gateways.context();
  return gateways.planAmount({
    price,
    method,
    gateway: ctx.gateway,
    project: ctx.project,
    linkQrisOnly: ctx.link.qrisOnly,
  });
}

type GatewaysDeps = {
  settings: SettingsService;
  log: Logger;
  clock: () => Date;
  options: Pick<AppServicesOptions, 'demoSimulatorPort' | 'startDemoSimulator' | 'tuning'>;
};

/** The gateway of the demo project in the in-process simulator. */
function demoGateway(demo: Simulator, version: ApiVersion, v1StatusIntervalMs: number | undefined): PakasirGateway {
  const p = demo.projects[0]!;
  return createGateway({
    version,
    baseUrl: demo.baseUrl,
    project: p.slug,
    apiKey: p.apiKey,
    simulationUrl: `${demo.baseUrl}/__sim/pay`,
    v1StatusIntervalMs,
  });
}

/** The gateway of the shop's own project. */
function shopGateway(creds: Credentials, version: ApiVersion, v1StatusIntervalMs: number | undefined): PakasirGateway {
  return createGateway({
    version,
    baseUrl: creds.baseUrl,
    project: creds.projectSlug,
    apiKey: creds.apiKey,
    v1StatusIntervalMs,
  });
}

/**
 * Which Pakasir the app talks to: the shop's project from settings, or the in-process demo
 * simulator when none is set. Independent of the journal, so a connection test works even
 * while the journal is closed.
 */
export function createGateways(deps: GatewaysDeps): Gateways {
  const { settings, log, clock, options } = deps;
  const v1Pace = options.tuning?.v1StatusIntervalMs;
  const fees = createFeeLearning(settings, log);
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
    if (demo && sale.project === DEMO_SLUG && sale.baseUrl === demo.baseUrl)
      return demoGateway(demo, sale.apiVersion, v1Pace);
    const creds = settings.credentials();
    if (!creds || sale.project !== creds.projectSlug || sale.baseUrl !== creds.baseUrl) return null;
    log.addSecret(creds.apiKey);
    return shopGateway(creds, sale.apiVersion, v1Pace);
  });

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
    if (!creds && !demo) throw new PosError('internal', 'Demo mode is not ready yet.');
    const apiKey = creds ? creds.apiKey : demo!.projects[0]!.apiKey;
    log.addSecret(apiKey);
    const gateway = fees.learnFromCreates(
      creds ? shopGateway(creds, creds.apiVersion, v1Pace) : demoGateway(demo!, view.apiVersion, v1Pace),
    );
    cached = {
      gateway,
      project: creds ? creds.projectSlug : demo!.projects[0]!.slug,
      version: gateway.version,
      baseUrl: creds ? creds.baseUrl : demo!.baseUrl,
      sandbox: creds ? creds.sandbox : true,
      demo: !creds,
      terminalPrefix: view.terminalPrefix,
      link: { qrisOnly: view.linkQrisOnly, redirectUrl: view.linkRedirectUrl || null },
    };
    return cached;
  };

  return {
    context,
    forSale: (sale) => registry.forSale(sale),
    async demoIfNeeded(view) {
      if (view.mode === 'demo') await startDemo();
      return view;
    },
    demo: () => demo,
    planAmount: fees.planAmount,
    testConnection: async () => testConnection(context()),
    async close() {
      if (demo) await demo.close();
      demo = null;
    },
  };
}
