import { createLabSimulator } from './lab/lab-simulator';
import { defaultProjects } from './simulator';

/**
 * `npm run sim`: a local Pakasir for demos and manual testing. Keys are generated per run
 * and shown here only, on the terminal of whoever started it.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.PAKASIR_SIM_PORT ?? 0);
  const autoPay = arg('auto-pay-ms');
  // --merchant-pays: every project bears the fee itself, like Pakasir's "Beban Biaya: merchant".
  const merchantPays = process.argv.includes('--merchant-pays');
  const projects = defaultProjects().map((p) => (merchantPays ? { ...p, feeBearer: 'merchant' as const } : p));
  const sim = await createLabSimulator({ port, projects, autoPayAfterMs: autoPay ? Number(autoPay) : null });
  process.stdout.write(`Pakasir simulator listening on ${sim.baseUrl}\n`);
  for (const p of sim.projects) {
    const bearer = p.feeBearer === 'merchant' ? ', fee borne by the merchant' : '';
    process.stdout.write(
      `  project ${p.slug} (${p.sandbox ? 'sandbox' : 'production'}${bearer})  api key ${p.apiKey}\n`,
    );
  }
  process.stdout.write(
    `Controls: POST ${sim.baseUrl}/__sim/pay {"order_id": "..."}, GET ${sim.baseUrl}/__sim/stats. Ctrl+C stops.\n`,
  );
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`simulator failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
