/**
 * `npm run soak`: the full soak (1,000 SIGKILLs by default; `-- --kills N --seed S`).
 * Prints the figures and exits non-zero when a must-be-zero figure is not zero.
 */
import { formatSoakReport, runSoak, soakFailures } from './soak';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const kills = arg('kills', 1000);
  const seed = arg('seed', Date.now() % 2 ** 31);
  const v1Counters = arg('v1', 2);
  const v2Counters = arg('v2', 4);
  process.stdout.write(`soak: ${kills} SIGKILLs over ${v1Counters} v1 and ${v2Counters} v2 counters, seed ${seed}\n`);
  const report = await runSoak({
    kills,
    seed,
    v1Counters,
    v2Counters,
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  process.stdout.write(`${formatSoakReport(report)}\n`);
  const failures = soakFailures(report, kills);
  if (failures.length > 0) {
    process.stdout.write(`SOAK FAILED:\n  ${failures.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write('soak passed\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`soak could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
