import { useEffect, useState } from 'react';
import { PROMO_SLIDE_MS, type DisplayImage } from '@shared/display-media';
import { useT } from '../i18n';
import { acceptedBanks } from '../lib/customer-lines';

function usePromoIndex(count: number): number {
  const [i, setI] = useState(0);
  useEffect(() => {
    if (count < 2) return;
    const id = setInterval(() => setI((n) => n + 1), PROMO_SLIDE_MS);
    return () => clearInterval(id);
  }, [count]);
  return count ? i % count : 0;
}

/**
 * No sale on: the shop's name and logo, how customers can pay (text marks drawn here, no
 * wallet or bank logos, which are their owners' trademarks), and the owner's promotions.
 */
export function IdleView({
  shopName,
  logo,
  promos,
  width,
  height,
}: {
  shopName: string;
  logo: DisplayImage | null;
  promos: DisplayImage[];
  width: number;
  height: number;
}) {
  const t = useT();
  const index = usePromoIndex(promos.length);
  const promo = promos[index] ?? null;
  const landscape = width >= height * 1.15;
  // With a promotion on screen the words take the smaller part of the window.
  const box = promo
    ? landscape
      ? { width: width * 0.4, height }
      : { width, height: height * 0.5 }
    : { width, height };
  // Everything below is sized in this unit (em): the column is about 52 units wide and,
  // with a long shop name and every bank wrapped, about 64 tall.
  const unit = Math.max(4, Math.min(box.width / 52, box.height / 64));
  return (
    <div className={`cust-idle ${landscape ? 'cust-landscape' : 'cust-portrait'}`} data-testid="customer-idle">
      {promo && (
        <div className="cust-promo">
          <img key={promo.id} src={promo.dataUrl} alt="" data-testid="customer-promo" />
        </div>
      )}
      <div
        className="cust-welcome-box"
        style={{
          width: promo && landscape ? box.width : undefined,
          fontSize: unit,
          gap: unit * 1.6,
          padding: unit * 2,
        }}
      >
        {logo && (
          <img
            className="cust-logo"
            src={logo.dataUrl}
            alt=""
            data-testid="customer-logo"
            style={{ maxHeight: unit * 9, maxWidth: unit * 24 }}
          />
        )}
        <div className="cust-shop" data-testid="customer-shop">
          {shopName}
        </div>
        <div className="cust-welcome">{t('customer.welcome')}</div>
        <div className="cust-accept" data-testid="customer-accept">
          <div className="cust-accept-row">
            <span className="cust-mark cust-mark-qris">QRIS</span>
            <span className="cust-accept-text">{t('customer.acceptQris')}</span>
          </div>
          <div className="cust-accept-text">{t('customer.acceptBanks')}</div>
          <div className="cust-banks">
            {acceptedBanks().map((b) => (
              <span key={b} className="cust-mark">
                {b}
              </span>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
