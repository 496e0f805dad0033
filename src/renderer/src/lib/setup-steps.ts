import type { ConnectionTestResult, SettingsView } from '@shared/domain';

export type SetupStep = 1 | 2 | 3 | 4 | 5;

/**
 * Which steps of the guided setup are done: a project and key stored; a connection test that
 * passed; the fee choice made; a sandbox sale answered by Pakasir (it showed the project's
 * "Beban Biaya"), or already past sandbox; production.
 */
export function setupDone(s: SettingsView, test: ConnectionTestResult | null): Record<SetupStep, boolean> {
  return {
    1: s.projectSlug !== '' && s.apiKeySet,
    2: test?.ok === true && test.code === 'ok',
    3: s.feePayerChosen,
    4: s.mode === 'production' || (s.mode === 'sandbox' && s.pakasirFeeBearer !== null),
    5: s.mode === 'production',
  };
}

/**
 * What saving the project step would do to a stored key, said before it happens: the key
 * belongs to one project at one server, so moving either without a new key removes it.
 */
export function keyFate(
  s: SettingsView,
  next: { projectSlug: string; baseUrl: string },
  typedKey: string,
): 'replace' | 'keep' | 'wipe' | 'none' {
  if (typedKey !== '') return 'replace';
  if (!s.apiKeySet) return 'none';
  const origin = (u: string): string => {
    try {
      return new URL(u).origin;
    } catch {
      return u;
    }
  };
  const moved = next.projectSlug.trim() !== s.projectSlug || origin(next.baseUrl) !== origin(s.baseUrl);
  return moved ? 'wipe' : 'keep';
}

/** Whether the project step's form differs from what is stored (a typed key always does). */
export function projectChanged(
  s: SettingsView,
  form: { projectSlug: string; apiVersion: SettingsView['apiVersion']; baseUrl: string },
  typedKey: string,
): boolean {
  return (
    typedKey !== '' ||
    form.projectSlug.trim() !== s.projectSlug ||
    form.apiVersion !== s.apiVersion ||
    form.baseUrl !== s.baseUrl
  );
}
