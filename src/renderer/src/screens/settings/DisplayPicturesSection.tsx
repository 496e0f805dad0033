import { useRef } from 'react';
import { LOGO_MAX_SIDE, MAX_PROMO_IMAGES, PROMO_MAX_SIDE, type DisplayImageSlot } from '@shared/display-media';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { shrinkImage } from '../../lib/shrink-image';
import { useAction } from '../../lib/use-action';
import { usePos } from '../../stores/pos-store';
import './settings-sections.css';

function PickButton({
  slot,
  label,
  disabled,
  onPicked,
}: {
  slot: DisplayImageSlot;
  label: string;
  disabled: boolean;
  onPicked: (f: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        hidden
        data-testid={`settings-pick-${slot}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onPicked(file);
        }}
      />
      <button type="button" className="btn" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}

/** The shop's logo and the promotion pictures the idle customer display shows. */
export function DisplayPicturesSection() {
  const t = useT();
  const media = usePos((s) => s.displayMedia);
  // After each change the display's pictures are read again: main decides what was kept.
  const { busy, error, setError, run } = useAction(async (call: () => Promise<unknown>) => {
    await call();
    usePos.getState().setDisplayMedia(await getPosApi().getDisplayMedia({}));
  });
  const add = (slot: DisplayImageSlot) => async (file: File) => {
    const data = await shrinkImage(file, slot === 'logo' ? LOGO_MAX_SIDE : PROMO_MAX_SIDE).catch(() => null);
    if (!data) {
      setError({ code: 'invalid_input', text: t('settings.pictureUnreadable'), issues: [] });
      return;
    }
    await run(() => getPosApi().addDisplayImage({ slot, data }));
  };
  const remove = (id: string) => void run(() => getPosApi().removeDisplayImage({ id }));
  return (
    <fieldset className="card" data-testid="settings-pictures">
      <legend>{t('settings.section.pictures')}</legend>
      <div className="field">
        <span>{t('settings.logo')}</span>
        <div className="picture-row">
          {media.logo ? (
            <img
              className="picture-thumb"
              src={media.logo.dataUrl}
              alt={t('settings.logo')}
              data-testid="settings-logo"
            />
          ) : (
            <span className="hint">{t('settings.noLogo')}</span>
          )}
          <PickButton
            slot="logo"
            label={t('settings.pickLogo')}
            disabled={busy}
            onPicked={(f) => void add('logo')(f)}
          />
          {media.logo && (
            <button type="button" className="btn" disabled={busy} onClick={() => remove(media.logo!.id)}>
              {t('settings.removePicture')}
            </button>
          )}
        </div>
      </div>
      <div className="field">
        <span>{t('settings.promos', { max: MAX_PROMO_IMAGES })}</span>
        <div className="picture-row">
          {media.promos.map((p) => (
            <span key={p.id} className="picture-item">
              <img className="picture-thumb" src={p.dataUrl} alt="" data-testid="settings-promo" />
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => remove(p.id)}>
                {t('settings.removePicture')}
              </button>
            </span>
          ))}
          <PickButton
            slot="promo"
            label={t('settings.addPromo')}
            disabled={busy || media.promos.length >= MAX_PROMO_IMAGES}
            onPicked={(f) => void add('promo')(f)}
          />
        </div>
      </div>
      <p className="hint">{t('settings.picturesHint')}</p>
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
