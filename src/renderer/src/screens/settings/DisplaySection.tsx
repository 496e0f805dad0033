import { useEffect, useState } from 'react';
import type { DisplayInfo } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import type { Draft, SetDraft } from '../../lib/settings-draft';

export function DisplaySection({ draft, set }: { draft: Draft; set: SetDraft }) {
  const t = useT();
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  useEffect(() => {
    getPosApi()
      .listDisplays({})
      .then(setDisplays, () => setDisplays([]));
  }, []);
  return (
    <fieldset className="card">
      <legend>{t('settings.section.display')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.customerDisplayEnabled}
          onChange={(e) => set('customerDisplayEnabled', e.target.checked)}
          data-testid="settings-display-enabled"
        />
        <span>{t('settings.customerDisplay')}</span>
      </label>
      <label className="field">
        <span>{t('settings.customerDisplayId')}</span>
        <select
          value={draft.customerDisplayId === null ? '' : String(draft.customerDisplayId)}
          disabled={!draft.customerDisplayEnabled}
          onChange={(e) => set('customerDisplayId', e.target.value === '' ? null : Number(e.target.value))}
          data-testid="settings-display-id"
        >
          <option value="">{t('settings.displayAuto')}</option>
          {displays.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label} {d.width}×{d.height} {d.primary ? t('settings.displayPrimary') : ''}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
