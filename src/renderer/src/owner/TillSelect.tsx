import type { OwnerTill } from '@shared/owner/contract';
import { useT } from '../i18n';
import { tillChoices } from '../lib/owner-view';

/** "All tills" or one of them, removed tills included (their sales stay in the history). */
export function TillSelect({
  tills,
  value,
  onChange,
  testId,
}: {
  tills: OwnerTill[];
  value: string;
  onChange: (tillId: string) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{t('owner.allTills')}</option>
      {tillChoices(tills).map((till) => (
        <option key={till.id} value={till.id}>
          {till.name}
        </option>
      ))}
    </select>
  );
}
