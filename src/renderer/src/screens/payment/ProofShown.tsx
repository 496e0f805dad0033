import { useState } from 'react';
import { useT } from '../../i18n';

/**
 * Offline, the cashier may note that the customer showed a payment proof: the note is kept
 * with the sale for a human to check later; it never marks the sale paid.
 */
export function ProofShown({
  open,
  setOpen,
  onSave,
}: {
  /** Held by the payment screen: while the note is open, Esc and Enter belong to the form. */
  open: boolean;
  setOpen: (open: boolean) => void;
  onSave: (note: string) => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <div className="proof">
      {!open ? (
        <button type="button" className="btn btn-small" data-testid="proof-shown" onClick={() => setOpen(true)}>
          {t('pay.proofShown')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSave(note.trim());
            setOpen(false);
          }}
        >
          <p>{t('pay.proofPrompt')}</p>
          <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} data-testid="proof-note" />
          <button type="submit" className="btn btn-small" disabled={!note.trim()}>
            {t('pay.proofSave')}
          </button>
        </form>
      )}
    </div>
  );
}
