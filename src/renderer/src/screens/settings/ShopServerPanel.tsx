import { useState } from 'react';
import type { SyncStatusView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { useSync } from '../../stores/sync-store';
import { ShopServerStatus } from './ShopServerStatus';

/**
 * Settings → Shop server: pair with a one-time code from the owner, see what is still to
 * send, and the entries the server refused. No nested form (Settings is one): buttons and
 * Enter in the code field do the work.
 */
export function ShopServerPanel({ defaultName }: { defaultName: string }) {
  const t = useT();
  const status = useSync((s) => s.status);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState(defaultName);
  const { busy, error, run } = useAction(async (call: () => Promise<SyncStatusView>) => {
    useSync.getState().setStatus(await call());
    setCode('');
  });
  const pair = () => {
    if (url && code && name) void run(() => getPosApi().pairShopServer({ serverUrl: url, code, tillName: name }));
  };

  const paired = status && status.state !== 'off' && status.state !== 'unpaired_copy';
  return (
    <fieldset className="card shop-server" data-testid="shop-server-panel">
      <legend>{t('settings.section.shopServer')}</legend>
      {status && <ShopServerStatus status={status} paired={!!paired} />}
      {!paired || status.state === 'revoked' || status.state === 'needs_pairing' ? (
        <>
          <p className="hint">{t('shopServer.intro')}</p>
          <label className="field">
            <span>{t('shopServer.url')}</span>
            <input
              value={url}
              maxLength={500}
              placeholder="https://"
              onChange={(e) => setUrl(e.target.value)}
              data-testid="shop-server-url"
            />
          </label>
          <label className="field">
            <span>{t('shopServer.code')}</span>
            <input
              value={code}
              maxLength={32}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  pair();
                }
              }}
              data-testid="shop-server-code"
            />
          </label>
          <label className="field">
            <span>{t('shopServer.tillName')}</span>
            <input
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              data-testid="shop-server-till-name"
            />
          </label>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !url || !code || !name}
            onClick={pair}
            data-testid="shop-server-pair"
          >
            {t('shopServer.pair')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void run(() => getPosApi().unpairShopServer({}))}
          data-testid="shop-server-unpair"
        >
          {t('shopServer.unpair')}
        </button>
      )}
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
