import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture rules in eslint.config.mjs must bite: each deliberate violation below is
 * linted with the project's own config and must be reported by the rule that guards it.
 */
const root = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

async function rulesFor(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('architecture rules', () => {
  it('an electron import in a service is refused; the Electron edge may import it', async () => {
    const code = "import { app } from 'electron';\nexport const v = app.getVersion();\n";
    expect(await rulesFor(code, 'src/main/payments/uses-electron.ts')).toContain('no-restricted-imports');
    expect(await rulesFor(code, 'src/main/orders/uses-electron.ts')).toContain('no-restricted-imports');
    expect(await rulesFor(code, 'src/main/windows/uses-electron.ts')).not.toContain('no-restricted-imports');
  });

  it('the renderer may not import main', async () => {
    const code =
      "import { createAppServices } from '../../main/app/create-services';\nexport const f = createAppServices;\n";
    expect(await rulesFor(code, 'src/renderer/src/imports-main.ts')).toContain('import-x/no-restricted-paths');
  });

  it('the renderer and shared code may not import Node modules', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n";
    expect(await rulesFor(code, 'src/renderer/src/imports-node.ts')).toContain('no-restricted-imports');
    expect(await rulesFor(code, 'src/shared/imports-node.ts')).toContain('no-restricted-imports');
  });

  it('a lower main folder may not import the composition root', async () => {
    const code = "import { createAppServices } from '../app/create-services';\nexport const f = createAppServices;\n";
    expect(await rulesFor(code, 'src/main/payments/imports-app.ts')).toContain('import-x/no-restricted-paths');
    expect(await rulesFor(code, 'src/main/app/imports-app.ts')).not.toContain('import-x/no-restricted-paths');
  });

  it('the till never imports the shop server, and the server imports shared code only', async () => {
    const server = "import { buildShopServer } from '../../server/app';\nexport const f = buildShopServer;\n";
    expect(await rulesFor(server, 'src/main/sync/imports-server.ts')).toContain('import-x/no-restricted-paths');
    expect(await rulesFor(server, 'src/renderer/src/imports-server.ts')).toContain('import-x/no-restricted-paths');
    const main = "import { openOrderStore } from '../main/orders/journal';\nexport const f = openOrderStore;\n";
    expect(await rulesFor(main, 'src/server/imports-main.ts')).toContain('import-x/no-restricted-paths');
    const shared =
      "import { orderSnapshotSchema } from '@shared/sync/order-snapshot';\nexport const s = orderSnapshotSchema;\n";
    expect(await rulesFor(shared, 'src/server/imports-shared.ts')).not.toContain('import-x/no-restricted-paths');
  });

  it('the bench imports nothing from test/; testkit/ is what they share', async () => {
    const fromTest = "import { startHarnessRig } from '../test/support/harness';\nexport const f = startHarnessRig;\n";
    expect(await rulesFor(fromTest, 'bench/imports-test.ts')).toContain('import-x/no-restricted-paths');
    const fromKit = "import { seededRandom } from '../testkit/random';\nexport const f = seededRandom;\n";
    expect(await rulesFor(fromKit, 'bench/imports-testkit.ts')).not.toContain('import-x/no-restricted-paths');
  });

  it('a file over 300 code lines or a function over 80 is refused; comments do not count', async () => {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `  total += ${i};`).join('\n');
    const longFn = `export function f(): number {\n  let total = 0;\n${body(78)}\n  return total;\n}\n`;
    expect(await rulesFor(longFn, 'src/main/payments/long-function.ts')).toContain('max-lines-per-function');
    const fine = `export function f(): number {\n  let total = 0;\n${body(70)}\n${'  // why\n'.repeat(40)}  return total;\n}\n`;
    expect(await rulesFor(fine, 'src/main/payments/long-function.ts')).not.toContain('max-lines-per-function');
    const longFile = Array.from({ length: 301 }, (_, i) => `export const c${i} = ${i};`).join('\n') + '\n';
    expect(await rulesFor(longFile, 'src/main/payments/long-file.ts')).toContain('max-lines');
    expect(await rulesFor(longFile, 'test/unit/long-file.test.ts')).not.toContain('max-lines');
  });

  describe('import cycles', () => {
    const dir = join(root, 'src/main', `lint-cycle-${process.pid}`);
    beforeAll(() => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a();\n");
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a cycle between two modules is refused', async () => {
      const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect((result?.messages ?? []).map((m) => m.ruleId)).toContain('import-x/no-cycle');
    });
  });

  it('the whole tree passes its own rules', async () => {
    const results = await eslint.lintFiles(['src', 'test', 'bench', 'testkit', 'scripts']);
    const problems = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
