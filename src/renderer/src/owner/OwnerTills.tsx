import { useState } from 'react';
import type { OwnerOverview, OwnerTill } from '@shared/owner/contract';
import { ErrorBox } from '../components/ErrorBox';
import { useLanguage, useT } from '../i18n';
import { formatCount, formatDateTime, formatTime } from '../lib/format';
import { ownerErrorText, tillState } from '../lib/owner-view';
import { useAction } from '../lib/use-action';
import { ownerApi, useOwner } from '../stores/owner-store';

/** The paired tills, a one-time code for a new one, and removing one (its sales stay). */
export function OwnerTills({ overview }: { overview: OwnerOverview }) {
  const t = useT();
  // Removing a till refreshes the overview, so its new state shows in every page.
  const revoke = useAction(async (tillId: string) => {
    await ownerApi().revokeTill(tillId);
    await useOwner.getState().refreshOverview();
  }, ownerErrorText);
  return (
    <div className="owner-page" data-testid="owner-tills">
      <PairTill timeZone={overview.timeZone} />
      {revoke.error && <ErrorBox error={revoke.error} />}
      <section className="reconcile">
        <h3>{t('owner.tills.title')}</h3>
        {overview.tills.length === 0 ? (
          <p className="empty">{t('owner.tills.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="owner-tills-table">
              <thead>
                <tr>
                  <th>{t('owner.tills.col.name')}</th>
                  <th>{t('owner.tills.col.status')}</th>
                  <th>{t('owner.tills.col.lastSeen')}</th>
                  <th className="num">{t('owner.tills.col.sent')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.tills.map((till) => (
                  <TillRow
                    key={till.id}
                    till={till}
                    timeZone={overview.timeZone}
                    busy={revoke.busy}
                    onRevoke={revoke.run}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function TillRow({
  till,
  timeZone,
  busy,
  onRevoke,
}: {
  till: OwnerTill;
  timeZone: string;
  busy: boolean;
  onRevoke: (tillId: string) => Promise<unknown>;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [asking, setAsking] = useState(false);
  const state = tillState(till);
  // Asked once: the question closes whether the removal went through or was refused.
  const revoke = () => void onRevoke(till.id).then(() => setAsking(false));
  return (
    <tr data-testid="owner-till-row" data-till={till.id} data-state={state}>
      <td>{till.name}</td>
      <td>
        {state === 'revoked'
          ? t('owner.tills.revokedAt', { time: formatDateTime(till.revokedAt, lang, timeZone) })
          : t(state === 'connected' ? 'owner.tills.connected' : 'owner.tills.notConnected')}
        {till.rejected > 0 && (
          <span className="warn-text"> · {t('owner.tills.rejected', { count: formatCount(till.rejected, lang) })}</span>
        )}
      </td>
      <td>{till.lastSeenAt ? formatDateTime(till.lastSeenAt, lang, timeZone) : t('owner.tills.never')}</td>
      <td className="num">{formatCount(till.hwm, lang)}</td>
      <td>
        {state !== 'revoked' &&
          (asking ? (
            <div className="owner-confirm" role="alertdialog">
              <span>{t('owner.tills.revokeConfirm', { name: till.name })}</span>
              <button type="button" className="btn btn-danger btn-small" disabled={busy} onClick={revoke}>
                {t('owner.tills.revokeYes')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
                {t('owner.tills.revokeNo')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="btn btn-small"
              data-testid="owner-till-revoke"
              onClick={() => setAsking(true)}
            >
              {t('owner.tills.revoke')}
            </button>
          ))}
      </td>
    </tr>
  );
}

function PairTill({ timeZone }: { timeZone: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [name, setName] = useState('');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const submit = useAction(async () => {
    setCode(await ownerApi().createPairingCode(name));
    setName('');
  }, ownerErrorText);
  return (
    <section className="reconcile">
      <h3>{t('owner.tills.pairTitle')}</h3>
      <form
        className="owner-pair"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void submit.run();
        }}
      >
        <label className="field field-grow">
          <span>{t('owner.tills.pairName')}</span>
          <input
            value={name}
            maxLength={60}
            placeholder={t('owner.tills.pairNamePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            data-testid="owner-pair-name"
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!name.trim() || submit.busy}
          data-testid="owner-pair-submit"
        >
          {t('owner.tills.pairSubmit')}
        </button>
      </form>
      {submit.error && <ErrorBox error={submit.error} />}
      {code && (
        <div className="owner-code" data-testid="owner-pair-result">
          <div className="stat-label">{t('owner.tills.pairCode')}</div>
          <div className="owner-code-value mono" data-testid="owner-pair-code">
            {code.code}
          </div>
          <p className="hint">{t('owner.tills.pairHint', { time: formatTime(code.expiresAt, lang, timeZone) })}</p>
        </div>
      )}
    </section>
  );
}
