import {
  createSimulator,
  randomApiKey,
  type SimProject,
  type Simulator,
  type SimulatorOptions,
} from '../../src/simulator/simulator';

export interface TestSimulator extends Simulator {
  sandbox: SimProject;
  production: SimProject;
}

/**
 * A simulator on a free loopback port with one sandbox and one production project, keys
 * fresh per call. Close it in afterAll/afterEach: `await sim.close()`.
 */
export async function startTestSimulator(
  options: Omit<SimulatorOptions, 'projects' | 'port'> = {},
): Promise<TestSimulator> {
  const sandbox: SimProject = { slug: 'toko-sandbox', apiKey: randomApiKey(), sandbox: true };
  const production: SimProject = { slug: 'toko-live', apiKey: randomApiKey(), sandbox: false };
  const sim = await createSimulator({ ...options, port: 0, projects: [sandbox, production] });
  return Object.assign(sim, { sandbox, production });
}
