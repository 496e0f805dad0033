import { useT } from '../../i18n';

/** "Cancel this sale?": Esc says no, Enter says yes (the payment screen's keys drive both). */
export function ConfirmCancel({ onNo, onYes }: { onNo: () => void; onYes: () => void }) {
  const t = useT();
  return (
    <div className="modal-backdrop" role="presentation">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        data-testid="confirm-cancel"
      >
        <h2 id="confirm-title">{t('confirm.cancelTitle')}</h2>
        <p>{t('confirm.cancelBody')}</p>
        <div className="modal-actions">
          <button type="button" className="btn" data-testid="confirm-no" onClick={onNo}>
            {t('confirm.no')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="btn btn-danger" data-testid="confirm-yes" autoFocus onClick={onYes}>
            {t('confirm.yes')} <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
