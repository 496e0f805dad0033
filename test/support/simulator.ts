import { createLabSimulator, type LabSimulator } from '../../src/simulator/lab/lab-simulator';
import { randomApiKey, type SimProject, type SimulatorOptions } from '../../src/simulator/simulator';

export interface TestSimulator extends LabSimulator {
  sandbox: SimProject;
  production: SimProject;
}

/**
 * A simulator on a free loopback port with one sandbox and one production project, keys
 * fresh per call. Close it in afterAll/afterEach: `await sim.close()`.
 */
export async function startTestSimulator(
  options: Omit<SimulatorOptions, 'projects' | 'port'> & { feeBearer?: 'customer' | 'merchant' } = {},
): Promise<TestSimulator> {
  const { feeBearer, ...simOptions } = options;
  const fee = feeBearer ? { feeBearer } : {};
  const sandbox: SimProject = { slug: 'toko-sandbox', apiKey: randomApiKey(), sandbox: true, ...fee };
  const production: SimProject = { slug: 'toko-live', apiKey: randomApiKey(), sandbox: false, ...fee };
  const sim = await createLabSimulator({ ...simOptions, port: 0, projects: [sandbox, production] });
  return Object.assign(sim, { sandbox, production });
}
