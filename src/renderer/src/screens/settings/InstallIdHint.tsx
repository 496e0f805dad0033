import { useT } from '../../i18n';
import { usePos } from '../../stores/pos-store';

/**
 * The installation's own code, which main puts in every order id: the terminal code above is
 * only a label, so two tills set up alike still never issue the same order id.
 */
export function InstallIdHint() {
  const t = useT();
  const info = usePos((s) => s.appInfo);
  if (!info?.installId) return null;
  const renewed = info.installIdRenewed;
  return (
    <p className="hint" data-testid="install-id">
      {t('settings.installId', { id: info.installId })}
      {renewed && <> {t(`settings.installIdRenewed.${renewed.reason}`, { previous: renewed.previous })}</>}
    </p>
  );
}
