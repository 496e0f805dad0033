import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { useT } from '../i18n';
import { useOwner } from '../stores/owner-store';

export function SignInScreen() {
  const t = useT();
  const [secret, setSecret] = useState('');
  const busy = useOwner((s) => s.busy);
  const error = useOwner((s) => s.signInError);
  return (
    <main className="owner-signin">
      <form
        className="card owner-signin-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (secret) void useOwner.getState().signIn(secret);
        }}
      >
        <h1>{t('owner.signIn.title')}</h1>
        <label className="field">
          <span>{t('owner.signIn.secret')}</span>
          <input
            type="password"
            autoComplete="current-password"
            autoFocus
            value={secret}
            maxLength={200}
            onChange={(e) => setSecret(e.target.value)}
            data-testid="owner-secret"
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary btn-big"
          disabled={busy || !secret}
          data-testid="owner-sign-in"
        >
          {busy ? t('owner.signIn.busy') : t('owner.signIn.submit')}
        </button>
        {error && <ErrorBox error={error} />}
        <p className="hint">{t('owner.signIn.hint')}</p>
      </form>
    </main>
  );
}
